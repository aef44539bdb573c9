using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Switch.EventSocket.Tests.Codec;

public sealed class EslCommandReaderTests
{
    private static readonly EslFramingLimits Limits = new(4096, 1024 * 1024);

    private static List<EslCommand> ReadAll(ReadOnlySequence<byte> buffer, out long consumedBytes)
    {
        var commands = new List<EslCommand>();
        var start = buffer.Start;
        while (true)
        {
            var rest = buffer.Slice(start);
            var status = EslCommandReader.TryRead(rest, Limits, out var command, out var consumed);
            if (status != EslReadStatus.Complete)
            {
                Assert.Equal(EslReadStatus.Incomplete, status);
                consumedBytes = buffer.Slice(0, consumed).Length;
                return commands;
            }

            commands.Add(command!);
            start = consumed;
        }
    }

    private static List<EslCommand> ReadAll(string text) => ReadAll(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text)), out _);

    [Theory]
    [InlineData("auth ClueCon\n\n")]
    [InlineData("auth ClueCon\r\n\r\n")]
    [InlineData("auth ClueCon\n\r\n")]
    [InlineData("\n\r\n\nauth ClueCon\n\n")]
    public void Accepts_every_terminator_and_skips_leading_newlines(string text)
    {
        var commands = ReadAll(text);
        var command = Assert.Single(commands);
        Assert.Equal("auth ClueCon", command.Line);
        Assert.Empty(command.Headers);
        Assert.Null(command.Body);
    }

    [Fact]
    public void Reads_headers_case_insensitively_with_leading_spaces_skipped()
    {
        var command = Assert.Single(ReadAll("bgapi status\nJob-UUID:    abc\nweird line without colon\nX: a: b\n\n"));
        Assert.Equal("bgapi status", command.Line);
        Assert.Equal("abc", command.GetHeader("job-uuid"));
        Assert.Equal("a: b", command.GetHeader("x"));
        Assert.Equal(2, command.Headers.Count);
    }

    [Fact]
    public void Reads_neventsocket_sendmsg_body_and_skips_trailing_newlines()
    {
        const string Text = "sendmsg 8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f\nEvent-UUID: 0a1b\ncall-command: execute\nexecute-app-name: playback\ncontent-type: text/plain\ncontent-length: 21\n\n/var/sounds/hello.wav\n\n\nexit\n\n";
        var commands = ReadAll(Text);
        Assert.Equal(2, commands.Count);
        Assert.Equal("/var/sounds/hello.wav", commands[0].Body);
        Assert.Equal("text/plain", commands[0].GetHeader("Content-Type"));
        Assert.Equal("exit", commands[1].Line);
    }

    [Fact]
    public void Body_length_is_in_bytes()
    {
        var command = Assert.Single(ReadAll("sendevent CUSTOM\nEvent-Subclass: a::b\nContent-Length: 7\n\nMüller\n\n"));
        Assert.Equal("Müller", command.Body![..6]);
        Assert.Equal(6, command.Body.Length);
    }

    [Fact]
    public void Command_line_ends_at_first_cr()
    {
        var command = Assert.Single(ReadAll("api status\rgarbage\n\n"));
        Assert.Equal("api status", command.Line);
    }

    [Fact]
    public void Garbage_content_length_is_read_like_atoi()
    {
        var commands = ReadAll("sendmsg\ncontent-length: abc\n\nexit\n\n");
        Assert.Equal(2, commands.Count);
        Assert.Null(commands[0].Body);
        var partial = Assert.Single(ReadAll("sendmsg\ncontent-length: 3xyz\n\nabc"));
        Assert.Equal("abc", partial.Body);
    }

    [Theory]
    [InlineData("sendmsg\ncontent-length: -5\n\n", EslReadStatus.InvalidContentLength)]
    [InlineData("sendmsg\ncontent-length: 1048577\n\n", EslReadStatus.BodyTooLarge)]
    [InlineData("sendmsg\ncontent-length: 99999999999999999999\n\n", EslReadStatus.BodyTooLarge)]
    public void Bad_lengths_are_fatal(string text, EslReadStatus expected)
    {
        var status = EslCommandReader.TryRead(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text)), Limits, out var command, out _);
        Assert.Equal(expected, status);
        Assert.Null(command);
    }

    [Fact]
    public void Header_block_over_the_cap_is_fatal_even_without_terminator()
    {
        var text = "api " + new string('x', 5000);
        var status = EslCommandReader.TryRead(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text)), Limits, out _, out _);
        Assert.Equal(EslReadStatus.HeaderBlockTooLarge, status);
        var complete = EslCommandReader.TryRead(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text + "\n\n")), Limits, out _, out _);
        Assert.Equal(EslReadStatus.HeaderBlockTooLarge, complete);
    }

    [Fact]
    public void Incomplete_input_consumes_only_leading_newlines()
    {
        var bytes = Encoding.ASCII.GetBytes("\n\napi stat");
        var seq = new ReadOnlySequence<byte>(bytes);
        Assert.Equal(EslReadStatus.Incomplete, EslCommandReader.TryRead(seq, Limits, out _, out var consumed));
        Assert.Equal(2, seq.Slice(0, consumed).Length);
    }

    [Fact]
    public void Every_split_point_and_multi_segment_layout_reads_the_same_commands()
    {
        const string Text = "\nauth ClueCon\n\napi status\r\n\r\nsendmsg u\ncall-command: execute\ncontent-length: 5\n\nhello\n\nevent plain ALL\n\n";
        var bytes = Encoding.UTF8.GetBytes(Text);
        var expected = ReadAll(new ReadOnlySequence<byte>(bytes), out var all);
        Assert.Equal(4, expected.Count);
        Assert.Equal(bytes.Length, all);
        for (var split = 0; split <= bytes.Length; split++)
        {
            // Feed the first `split` bytes, then everything: mimics a socket delivering two reads.
            var first = ReadAll(new ReadOnlySequence<byte>(bytes, 0, split), out var consumedFirst);
            var rest = ReadAll(new ReadOnlySequence<byte>(bytes, (int)consumedFirst, bytes.Length - (int)consumedFirst), out _);
            var combined = first.Concat(rest).Select(c => (c.Line, c.Body, string.Join('|', c.Headers))).ToList();
            Assert.Equal(expected.Select(c => (c.Line, c.Body, string.Join('|', c.Headers))).ToList(), combined);

            // And as a two-segment sequence.
            var segmented = ReadAll(Wire.Segments(bytes[..split], bytes[split..]), out _);
            Assert.Equal(expected.Count, segmented.Count);
        }
    }

    [Fact]
    public void One_byte_segments_read_the_same_commands()
    {
        var bytes = Encoding.UTF8.GetBytes("auth x\n\napi status\nconsole_execute: true\n\n");
        var commands = ReadAll(Wire.Segments(bytes.Select(b => new[] { b }).ToArray()), out _);
        Assert.Equal(["auth x", "api status"], commands.Select(c => c.Line));
    }

    [Fact]
    public void Random_bytes_never_throw_and_consume_within_bounds() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var seq = new ReadOnlySequence<byte>(bytes);
            var status = EslCommandReader.TryRead(seq, Limits, out var command, out var consumed);
            var length = seq.Slice(0, consumed).Length;
            return length <= bytes.Length && (status == EslReadStatus.Complete) == (command is not null);
        }).QuickCheckThrowOnFailure();
}
