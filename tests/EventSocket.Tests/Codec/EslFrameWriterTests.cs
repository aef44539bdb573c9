using System.Text;

namespace Switch.EventSocket.Tests.Codec;

public sealed class EslFrameWriterTests
{
    [Fact]
    public void AuthRequest_is_the_exact_greeting() =>
        Assert.Equal("Content-Type: auth/request\n\n", Wire.Write(EslFrameWriter.WriteAuthRequest));

    [Theory]
    [InlineData("+OK accepted")]
    [InlineData("-ERR invalid")]
    [InlineData("+OK bye")]
    [InlineData("-ERR command not found")]
    public void CommandReply_has_content_type_then_reply_text(string text) =>
        Assert.Equal($"Content-Type: command/reply\nReply-Text: {text}\n\n", Wire.Write(w => EslFrameWriter.WriteCommandReply(w, text)));

    [Fact]
    public void CommandReply_never_sends_an_empty_reply_text() =>
        Assert.Equal("Content-Type: command/reply\nReply-Text: -ERR command not found\n\n", Wire.Write(w => EslFrameWriter.WriteCommandReply(w, "")));

    [Fact]
    public void CommandReply_escapes_percent_and_newlines_in_the_value() =>
        Assert.Equal("Content-Type: command/reply\nReply-Text: -ERR 100%25 bad%0Aline\n\n", Wire.Write(w => EslFrameWriter.WriteCommandReply(w, "-ERR 100% bad\nline")));

    [Fact]
    public void UserAuth_reply_carries_allowed_headers_after_reply_text() =>
        Assert.Equal(
            "Content-Type: command/reply\nReply-Text: +OK accepted\nAllowed-Events: all\nAllowed-API: all\nAllowed-LOG: true\n\n",
            Wire.Write(w => EslFrameWriter.WriteCommandReply(w, "+OK accepted", [new("Allowed-Events", "all"), new("Allowed-API", "all"), new("Allowed-LOG", "true")])));

    [Fact]
    public void BgApi_reply_matches_protocol_example() =>
        Assert.Equal(
            "Content-Type: command/reply\nReply-Text: +OK Job-UUID: f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e\nJob-UUID: f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e\n\n",
            Wire.Write(w => EslFrameWriter.WriteBgApiReply(w, "f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e")));

    [Fact]
    public void ApiResponse_matches_protocol_example() =>
        Assert.Equal("Content-Type: api/response\nContent-Length: 4\n\ntrue", Wire.Write(w => EslFrameWriter.WriteApiResponse(w, "true")));

    [Fact]
    public void ApiResponse_for_unknown_command_is_32_bytes_for_status2() =>
        Assert.Equal("Content-Type: api/response\nContent-Length: 32\n\n-ERR status2 Command not found!\n", Wire.Write(w => EslFrameWriter.WriteApiResponse(w, "-ERR status2 Command not found!\n")));

    [Theory]
    [InlineData("Müller\n")]
    [InlineData("日本語")]
    [InlineData("emoji 😀 end")]
    public void ApiResponse_content_length_counts_utf8_bytes(string body)
    {
        var bytes = Wire.WriteBytes(w => EslFrameWriter.WriteApiResponse(w, body));
        var expectedLength = Encoding.UTF8.GetByteCount(body);
        var header = $"Content-Type: api/response\nContent-Length: {expectedLength}\n\n";
        Assert.Equal(Encoding.UTF8.GetBytes(header + body), bytes);
        var message = Wire.ReadMessage(bytes);
        Assert.Equal(body, message.BodyText);
    }

    [Fact]
    public void DisconnectNotice_variant1_is_exact_with_67_bytes()
    {
        var text = Wire.Write(EslFrameWriter.WriteDisconnectNotice);
        Assert.Equal("Content-Type: text/disconnect-notice\nContent-Length: 67\n\nDisconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n", text);
    }

    [Fact]
    public void DisconnectNotice_variant2_is_exact() =>
        Assert.Equal(
            "Content-Type: text/disconnect-notice\nControlled-Session-UUID: 8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f\nContent-Disposition: disconnect\nContent-Length: 67\n\nDisconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n",
            Wire.Write(w => EslFrameWriter.WriteSessionDisconnectNotice(w, "8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f")));

    [Fact]
    public void LingerNotice_variant3_is_exact() =>
        Assert.Equal(
            "Content-Type: text/disconnect-notice\nControlled-Session-UUID: 8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f\nContent-Disposition: linger\nChannel-Name: sofia/internal/1000@192.0.2.10\nLinger-Time: -1\nContent-Length: 0\n\n",
            Wire.Write(w => EslFrameWriter.WriteLingerNotice(w, "8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f", "sofia/internal/1000@192.0.2.10", -1)));

    [Fact]
    public void RudeRejection_is_exact() =>
        Assert.Equal("Content-Type: text/rude-rejection\nContent-Length: 24\n\nAccess Denied, go away.\n", Wire.Write(EslFrameWriter.WriteRudeRejection));

    [Fact]
    public void LogData_matches_protocol_example()
    {
        var expected = Wire.Fixture("log_data.txt");
        var line = new EslLogLine(
            5,
            "2025-03-04 10:20:30.123456 97.53% [NOTICE] switch_channel.c:1142 New Channel sofia/internal/1000@192.0.2.10 [8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f]\n",
            "switch_channel.c",
            "switch_channel_set_name",
            1142,
            "8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f");
        Assert.Equal(expected, Wire.Write(w => EslFrameWriter.WriteLogData(w, line)));
    }

    [Fact]
    public void ConnectReply_matches_protocol_example()
    {
        var expected = Wire.Fixture("connect_reply.txt");
        var message = Wire.ReadMessage(expected);
        Assert.Equal("command/reply", message.ContentType);
        Assert.Equal("+OK\n", message.ReplyText);
        Assert.True(message.TryGetEvent(out var channelData));
        Assert.Equal("CHANNEL_DATA", channelData!.EventName);
        Assert.Equal("8c1f9d3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f", channelData.UniqueId);
        Assert.Equal("127.0.0.1:8084 async full", channelData.GetHeader("variable_current_application_data"));

        // Strip the four reply headers and rebuild the frame from the event alone.
        var headers = channelData.Headers.Take(channelData.Headers.Count - 4).ToList();
        var rebuilt = Wire.Write(w => EslFrameWriter.WriteConnectReply(w, new EslEvent(headers), asyncMode: true, fullControl: true));
        Assert.Equal(expected, rebuilt);
    }

    [Fact]
    public void ConnectReply_static_single_channel_variant()
    {
        var text = Wire.Write(w => EslFrameWriter.WriteConnectReply(w, EslEvent.Create(null, ("Event-Name", "CHANNEL_DATA")), asyncMode: false, fullControl: false));
        Assert.Equal("Event-Name: CHANNEL_DATA\nContent-Type: command/reply\nReply-Text: %2BOK%0A\nSocket-Mode: static\nControl: single-channel\n\n", text);
    }

    [Fact]
    public void Frames_never_contain_carriage_returns()
    {
        var all = string.Concat(
            Wire.Write(EslFrameWriter.WriteAuthRequest),
            Wire.Write(w => EslFrameWriter.WriteCommandReply(w, "x\r\ny")),
            Wire.Write(w => EslFrameWriter.WriteLingerNotice(w, "u\r", "n\r\n", 3)),
            Wire.Write(w => EslFrameWriter.WriteBgApiReply(w, "j\r\n")));
        Assert.DoesNotContain('\r', all);
    }
}
