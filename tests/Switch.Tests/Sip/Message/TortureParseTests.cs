using System.Buffers;
using Switch.Sip.Message;

namespace Switch.Tests.Sip.Message;

public sealed class TortureParseTests
{
    public static TheoryData<string> Parseable => TortureCorpus.Names(e => e.MustParse);

    public static TheoryData<string> Unparseable => TortureCorpus.Names(e => !e.MustParse);

    public static TheoryData<string> All => TortureCorpus.Names(_ => true);

    [Fact]
    public void Corpus_is_complete_and_intact()
    {
        Assert.Equal(50, TortureCorpus.Entries.Count(e => e.Rfc == "rfc4475"));
        Assert.Equal(49, TortureCorpus.Entries.Count(e => e.Rfc == "rfc4475" && e.Section != "none (archive only)"));
        Assert.Equal(12, TortureCorpus.Entries.Count(e => e.Rfc == "rfc5118"));
        foreach (var rfc in new[] { "rfc4475", "rfc5118" })
        {
            var listed = TortureCorpus.Entries.Where(e => e.Rfc == rfc).Select(e => e.Name + ".dat").Order();
            var present = Directory.GetFiles(Path.Combine(TortureCorpus.Root, rfc), "*.dat").Select(Path.GetFileName).Order();
            Assert.Equal(listed, present);
            Assert.True(TortureCorpus.VerifySums(rfc, out var failure), failure);
        }
    }

    [Theory]
    [MemberData(nameof(Parseable))]
    public void Parseable_messages_parse_and_round_trip(string name)
    {
        var bytes = TortureCorpus.Get(name).Bytes;
        Assert.True(SipMessageParser.TryParse(bytes, out var first, out var error), error.ToString());

        var written = first.ToArray();
        Assert.True(SipMessageParser.TryParse(written, out var second, out error), error.ToString());
        SipMessageAssert.Equivalent(first, second);
        Assert.Equal(written, second.ToArray());
    }

    [Theory]
    [MemberData(nameof(Unparseable))]
    public void Unparseable_messages_give_a_typed_error(string name)
    {
        var bytes = TortureCorpus.Get(name).Bytes;
        Assert.False(SipMessageParser.TryParse(bytes, out var message, out var error));
        Assert.Null(message);
        Assert.NotEqual(SipParseErrorKind.None, error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(error.Detail));
    }

    [Theory]
    [InlineData("badinv01", "InvalidHeaderValue", "Via")]
    [InlineData("clerr", "BodyTruncated", "Content-Length")]
    [InlineData("ncl", "InvalidContentLength", "Content-Length")]
    [InlineData("scalar02", "InvalidHeaderValue", "CSeq")]
    [InlineData("scalarlg", "InvalidHeaderValue", "CSeq")]
    [InlineData("quotbal", "InvalidHeaderValue", "To")]
    [InlineData("ltgtruri", "InvalidRequestUri", null)]
    [InlineData("lwsruri", "InvalidRequestLine", null)]
    [InlineData("lwsstart", "InvalidRequestLine", null)]
    [InlineData("trws", "InvalidVersion", null)]
    [InlineData("baddate", "InvalidHeaderValue", "Date")]
    [InlineData("regbadct", "InvalidHeaderValue", "Contact")]
    [InlineData("badaspec", "InvalidHeaderValue", "To")]
    [InlineData("baddn", "InvalidHeaderValue", "From")]
    [InlineData("bigcode", "InvalidStatusCode", null)]
    [InlineData("mcl01", "ConflictingContentLength", "Content-Length")]
    [InlineData("test", "InvalidRequestLine", null)]
    [InlineData("ipv6-bad", "InvalidRequestUri", null)]
    public void Error_names_the_fault(string name, string kind, string? header)
    {
        var bytes = TortureCorpus.Get(name).Bytes;
        if (name == "baddn")
        {
            // The RFC's bytes lack the empty line; the display-name fault is found first either way.
            Assert.False(SipMessageParser.TryParse(bytes, out _, out var truncated));
            Assert.Equal("From", truncated.Header);
            bytes = [.. bytes, .. "\r\n"u8];
        }

        Assert.False(SipMessageParser.TryParse(bytes, out _, out var error));
        Assert.Equal(Enum.Parse<SipParseErrorKind>(kind), error.Kind);
        Assert.Equal(header, error.Header);
    }

    [Theory]
    [MemberData(nameof(Parseable))]
    public void Every_proper_prefix_on_a_stream_is_incomplete(string name)
    {
        var bytes = StreamBytes(name);
        if (bytes is null)
        {
            return;
        }

        var framer = new SipStreamFramer();
        for (var n = 0; n < bytes.Length; n++)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, 0, n);
            var status = framer.TryFrame(ref buffer, out _, out var error);
            Assert.True(status == SipFrameStatus.Incomplete, $"prefix {n}: {status} {error}");
            Assert.Equal(n, buffer.Length);
        }
    }

    [Theory]
    [MemberData(nameof(Parseable))]
    public void Splitting_a_stream_at_every_byte_frames_identically(string name)
    {
        var bytes = StreamBytes(name);
        if (bytes is null)
        {
            return;
        }

        var framer = new SipStreamFramer();
        var whole = new ReadOnlySequence<byte>(bytes);
        Assert.Equal(SipFrameStatus.Message, framer.TryFrame(ref whole, out var expectedFrame, out _));
        Assert.True(SipMessageParser.TryParse(expectedFrame.ToArray(), out var expected, out _));
        for (var split = 1; split < bytes.Length; split++)
        {
            var buffer = TwoSegments(bytes, split);
            Assert.Equal(SipFrameStatus.Message, framer.TryFrame(ref buffer, out var frame, out _));
            Assert.Equal(0, buffer.Length);
            Assert.True(SipMessageParser.TryParse(frame.ToArray(), out var actual, out var error), error.ToString());
            Assert.Equal(expected.ToArray(), actual.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Parser_survives_every_truncation(string name)
    {
        var bytes = TortureCorpus.Get(name).Bytes;
        for (var n = 0; n <= bytes.Length; n++)
        {
            _ = SipMessageParser.TryParse(bytes.AsMemory(0, n), out _, out _);
        }
    }

    [Theory]
    [InlineData("clerr", "Incomplete")]
    [InlineData("ncl", "Error")]
    [InlineData("mcl01", "Error")]
    [InlineData("baddn", "Incomplete")]
    [InlineData("inv2543", "Error")]
    public void Framing_faults_on_a_stream(string name, string expected)
    {
        var buffer = new ReadOnlySequence<byte>(TortureCorpus.Get(name).Bytes);
        Assert.Equal(Enum.Parse<SipFrameStatus>(expected), new SipStreamFramer().TryFrame(ref buffer, out _, out _));
    }

    /// <summary>The message as a stream peer would send it: only the first message of the datagram, with Content-Length.</summary>
    private static byte[]? StreamBytes(string name)
    {
        Assert.True(SipMessageParser.TryParse(TortureCorpus.Get(name).Bytes, out var message, out _));
        return message.Data.ToArray() is var data && message.HasHeader("Content-Length") ? data : null;
    }

    private static ReadOnlySequence<byte> TwoSegments(byte[] bytes, int split)
    {
        var first = new Segment(bytes.AsMemory(0, split));
        var last = first.Append(bytes.AsMemory(split));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
