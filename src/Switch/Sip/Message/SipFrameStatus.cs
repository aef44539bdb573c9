namespace Switch.Sip.Message;

/// <summary>Outcome of <see cref="SipStreamFramer.TryFrame"/>.</summary>
internal enum SipFrameStatus
{
    /// <summary>More bytes are needed; nothing was consumed.</summary>
    Incomplete,

    /// <summary>One message was framed and consumed.</summary>
    Message,

    /// <summary>A CRLFCRLF keep-alive ping (RFC 5626 §3.5.1) was consumed; answer with CRLF.</summary>
    KeepAlive,

    /// <summary>The stream is unusable (bad framing or limits exceeded); close the connection.</summary>
    Error,
}
