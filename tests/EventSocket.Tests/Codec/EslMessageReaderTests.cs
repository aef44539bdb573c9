using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Switch.EventSocket.Tests.Codec;

public sealed class EslMessageReaderTests
{
    [Fact]
    public void Reads_a_stream_of_server_frames_split_at_every_byte()
    {
        var evt = EslEvent.Create("ok é\n", ("Event-Name", "BACKGROUND_JOB"), ("Job-UUID", "j1"));
        var stream = new ArrayBufferWriter<byte>();
        EslFrameWriter.WriteAuthRequest(stream);
        EslFrameWriter.WriteCommandReply(stream, "+OK accepted");
        EslFrameWriter.WriteApiResponse(stream, "Müller\n");
        EslFrameWriter.WriteEvent(stream, evt, EslEventFormat.Plain);
        EslFrameWriter.WriteEvent(stream, evt, EslEventFormat.Json);
        EslFrameWriter.WriteEvent(stream, evt, EslEventFormat.Xml);
        EslFrameWriter.WriteDisconnectNotice(stream);
        var bytes = stream.WrittenSpan.ToArray();

        for (var split = 0; split <= bytes.Length; split++)
        {
            var messages = new List<EslMessage>();
            var buffer = Wire.Segments(bytes[..split], bytes[split..]);
            while (EslMessageReader.TryRead(buffer, EslFramingLimits.Client, out var message, out var consumed) == EslReadStatus.Complete)
            {
                messages.Add(message!);
                buffer = buffer.Slice(consumed);
            }

            Assert.Equal(0, buffer.Length);
            Assert.Equal(
                ["auth/request", "command/reply", "api/response", "text/event-plain", "text/event-json", "text/event-xml", "text/disconnect-notice"],
                messages.Select(m => m.ContentType));
            Assert.Equal("Müller\n", messages[2].BodyText);
            for (var i = 3; i < 6; i++)
            {
                Assert.True(messages[i].TryGetEvent(out var parsed));
                Assert.Equal("ok é\n", parsed!.Body);
                Assert.Equal("j1", parsed.GetHeader("Job-UUID"));
            }
        }
    }

    [Fact]
    public void Reply_text_is_url_decoded_and_ok_detected()
    {
        var message = Wire.ReadMessage("Content-Type: command/reply\nReply-Text: %2BOK%0A\n\n");
        Assert.Equal("+OK\n", message.ReplyText);
        Assert.True(message.IsOk);
        Assert.False(message.TryGetEvent(out _));
    }

    [Fact]
    public void Tolerates_crlf_and_stray_newlines()
    {
        var message = Wire.ReadMessage("\n\r\nContent-Type: api/response\r\nContent-Length: 2\r\n\r\nok");
        Assert.Equal("api/response", message.ContentType);
        Assert.Equal("ok", message.BodyText);
    }

    [Theory]
    [InlineData("Content-Type: api/response\nContent-Length: x\n\n", EslReadStatus.InvalidContentLength)]
    [InlineData("Content-Type: api/response\nContent-Length: -1\n\n", EslReadStatus.InvalidContentLength)]
    [InlineData("Content-Type: api/response\nContent-Length: 99999999999\n\n", EslReadStatus.BodyTooLarge)]
    public void Bad_lengths_are_errors(string text, EslReadStatus expected) =>
        Assert.Equal(expected, EslMessageReader.TryRead(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text)), EslFramingLimits.Client, out _, out _));

    [Fact]
    public void Random_bytes_never_throw() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var status = EslMessageReader.TryRead(new ReadOnlySequence<byte>(bytes), EslFramingLimits.Client, out var message, out _);
            if (message is not null)
            {
                _ = message.TryGetEvent(out _);
            }

            return status is >= EslReadStatus.Incomplete and <= EslReadStatus.BodyTooLarge;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Random_event_bodies_never_throw() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            EslEventParser.TryParsePlain(bytes, out _);
            EslEventParser.TryParseJson(bytes, out _);
            EslEventParser.TryParseXml(bytes, out _);
            return true;
        }).QuickCheckThrowOnFailure();
}
