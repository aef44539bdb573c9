using System.Buffers;

namespace Switch.EventSocket;

/// <summary>
/// Writers of every server→client frame with FreeSWITCH's exact header order (ESL-PROTOCOL.md §4):
/// LF line ends only, <c>Name: value</c>, byte-accurate UTF-8 <c>Content-Length</c>, nothing after a body.
/// Outer header values are written raw except '%', CR and LF, which are percent-encoded.
/// </summary>
public static class EslFrameWriter
{
    /// <summary><c>Content-Type: auth/request\n\n</c> — the inbound greeting.</summary>
    public static void WriteAuthRequest(IBufferWriter<byte> writer) =>
        EslBytes.Write(writer, "Content-Type: auth/request\n\n"u8);

    /// <summary><c>Content-Type: command/reply\nReply-Text: …\n\n</c>. An empty text is written as <c>-ERR command not found</c>, as FS does.</summary>
    public static void WriteCommandReply(IBufferWriter<byte> writer, string replyText)
    {
        EslBytes.Write(writer, "Content-Type: command/reply\n"u8);
        EslBytes.WriteOuterHeader(writer, "Reply-Text: "u8, NonEmptyReply(replyText));
        EslBytes.Write(writer, (byte)'\n');
    }

    /// <summary>A command/reply followed by extra headers (<c>Job-UUID</c>, <c>Allowed-*</c>, ...) after <c>Reply-Text</c>.</summary>
    public static void WriteCommandReply(IBufferWriter<byte> writer, string replyText, IReadOnlyList<KeyValuePair<string, string>> extraHeaders)
    {
        ArgumentNullException.ThrowIfNull(extraHeaders);
        EslBytes.Write(writer, "Content-Type: command/reply\n"u8);
        EslBytes.WriteOuterHeader(writer, "Reply-Text: "u8, NonEmptyReply(replyText));
        for (var i = 0; i < extraHeaders.Count; i++)
        {
            var h = extraHeaders[i];
            EslBytes.WriteUtf8(writer, h.Key);
            EslBytes.Write(writer, ": "u8);
            EslBytes.WriteOuterValue(writer, h.Value);
            EslBytes.Write(writer, (byte)'\n');
        }

        EslBytes.Write(writer, (byte)'\n');
    }

    /// <summary>The bgapi reply: <c>Reply-Text: +OK Job-UUID: &lt;id&gt;</c> then <c>Job-UUID: &lt;id&gt;</c>.</summary>
    public static void WriteBgApiReply(IBufferWriter<byte> writer, string jobUuid)
    {
        EslBytes.Write(writer, "Content-Type: command/reply\nReply-Text: +OK Job-UUID: "u8);
        EslBytes.WriteOuterValue(writer, jobUuid);
        EslBytes.Write(writer, "\nJob-UUID: "u8);
        EslBytes.WriteOuterValue(writer, jobUuid);
        EslBytes.Write(writer, "\n\n"u8);
    }

    /// <summary><c>Content-Type: api/response\nContent-Length: N\n\n</c> + the output bytes.</summary>
    public static void WriteApiResponse(IBufferWriter<byte> writer, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        EslBytes.Write(writer, "Content-Type: api/response\nContent-Length: "u8);
        EslBytes.WriteNumber(writer, EslBytes.Utf8Length(body));
        EslBytes.Write(writer, "\n\n"u8);
        EslBytes.WriteUtf8(writer, body);
    }

    /// <summary>An event frame (<c>Content-Length</c>, then <c>Content-Type</c>) from the event's cached serialization.</summary>
    public static void WriteEvent(IBufferWriter<byte> writer, EslEvent evt, EslEventFormat format)
    {
        ArgumentNullException.ThrowIfNull(evt);
        EslBytes.Write(writer, evt.GetFrame(format).Span);
    }

    /// <summary>Variant 1 disconnect notice (not bound to a channel) with the standard 67-byte body.</summary>
    public static void WriteDisconnectNotice(IBufferWriter<byte> writer) =>
        WriteDisconnectNotice(writer, EslConstants.DisconnectNoticeBody);

    /// <summary>Variant 1 disconnect notice with a custom body (shutdown, lost events, ...).</summary>
    public static void WriteDisconnectNotice(IBufferWriter<byte> writer, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        EslBytes.Write(writer, "Content-Type: text/disconnect-notice\nContent-Length: "u8);
        EslBytes.WriteNumber(writer, EslBytes.Utf8Length(body));
        EslBytes.Write(writer, "\n\n"u8);
        EslBytes.WriteUtf8(writer, body);
    }

    /// <summary>Variant 2: disconnect notice of a connection bound to channel <paramref name="uuid"/>.</summary>
    public static void WriteSessionDisconnectNotice(IBufferWriter<byte> writer, string uuid, string? body = null)
    {
        body ??= EslConstants.DisconnectNoticeBody;
        EslBytes.Write(writer, "Content-Type: text/disconnect-notice\n"u8);
        EslBytes.WriteOuterHeader(writer, "Controlled-Session-UUID: "u8, uuid);
        EslBytes.Write(writer, "Content-Disposition: disconnect\nContent-Length: "u8);
        EslBytes.WriteNumber(writer, EslBytes.Utf8Length(body));
        EslBytes.Write(writer, "\n\n"u8);
        EslBytes.WriteUtf8(writer, body);
    }

    /// <summary>Variant 3: the linger notice; <paramref name="lingerSeconds"/> is -1 for "until exit".</summary>
    public static void WriteLingerNotice(IBufferWriter<byte> writer, string uuid, string channelName, int lingerSeconds)
    {
        EslBytes.Write(writer, "Content-Type: text/disconnect-notice\n"u8);
        EslBytes.WriteOuterHeader(writer, "Controlled-Session-UUID: "u8, uuid);
        EslBytes.Write(writer, "Content-Disposition: linger\n"u8);
        EslBytes.WriteOuterHeader(writer, "Channel-Name: "u8, channelName);
        EslBytes.Write(writer, "Linger-Time: "u8);
        EslBytes.WriteNumber(writer, lingerSeconds);
        EslBytes.Write(writer, "\nContent-Length: 0\n\n"u8);
    }

    /// <summary>The ACL rejection (<c>text/rude-rejection</c>, 24-byte body); the caller follows it with a disconnect notice.</summary>
    public static void WriteRudeRejection(IBufferWriter<byte> writer) =>
        EslBytes.Write(writer, "Content-Type: text/rude-rejection\nContent-Length: 24\n\nAccess Denied, go away.\n"u8);

    /// <summary>A <c>log/data</c> frame (§4 order).</summary>
    public static void WriteLogData(IBufferWriter<byte> writer, EslLogLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        EslBytes.Write(writer, "Content-Type: log/data\nContent-Length: "u8);
        EslBytes.WriteNumber(writer, EslBytes.Utf8Length(line.Text));
        EslBytes.Write(writer, "\nLog-Level: "u8);
        EslBytes.WriteNumber(writer, line.Level);
        EslBytes.Write(writer, "\nText-Channel: "u8);
        EslBytes.WriteNumber(writer, line.TextChannel);
        EslBytes.Write(writer, (byte)'\n');
        EslBytes.WriteOuterHeader(writer, "Log-File: "u8, line.File);
        EslBytes.WriteOuterHeader(writer, "Log-Func: "u8, line.Function);
        EslBytes.Write(writer, "Log-Line: "u8);
        EslBytes.WriteNumber(writer, line.Line);
        EslBytes.Write(writer, (byte)'\n');
        EslBytes.WriteOuterHeader(writer, "User-Data: "u8, line.UserData ?? string.Empty);
        EslBytes.Write(writer, (byte)'\n');
        EslBytes.WriteUtf8(writer, line.Text);
    }

    /// <summary>
    /// The outbound <c>connect</c> reply: the channel-data event in plain form (URL-encoded values, no body,
    /// no Content-Length) followed by <c>Content-Type: command/reply</c>, <c>Reply-Text: %2BOK%0A</c>,
    /// <c>Socket-Mode</c> and <c>Control</c>, then the empty line.
    /// </summary>
    public static void WriteConnectReply(IBufferWriter<byte> writer, EslEvent channelData, bool asyncMode = true, bool fullControl = true)
    {
        ArgumentNullException.ThrowIfNull(channelData);
        EslEventSerializer.WritePlainHeaders(channelData, writer);
        EslBytes.Write(writer, "Content-Type: command/reply\nReply-Text: %2BOK%0A\n"u8);
        EslBytes.Write(writer, asyncMode ? "Socket-Mode: async\n"u8 : "Socket-Mode: static\n"u8);
        EslBytes.Write(writer, fullControl ? "Control: full\n\n"u8 : "Control: single-channel\n\n"u8);
    }

    private static string NonEmptyReply(string replyText) =>
        string.IsNullOrEmpty(replyText) ? "-ERR command not found" : replyText;
}
