namespace Switch.EventSocket;

internal enum EslOutKind : byte
{
    /// <summary>
    /// A published event (<see cref="EslDelivery"/>: its shared frame, holding one reference) or a replayed one
    /// (<see cref="EslEvent"/>), written in the connection's format at write time.
    /// </summary>
    Event,

    /// <summary>An <see cref="EslLogLine"/>, written when the log level still admits it.</summary>
    Log,

    /// <summary>A pre-rendered reply frame (<c>byte[]</c>).</summary>
    Reply,

    /// <summary>A final frame (<c>byte[]</c>, e.g. a disconnect notice); the connection closes after it.</summary>
    Close,

    /// <summary>The bound channel has ended: linger or close.</summary>
    SessionEnded,

    /// <summary>The linger time is over: send the session disconnect notice and close.</summary>
    LingerExpired,

    /// <summary>Wakes the writer to look at its abort flag.</summary>
    Wake,
}

/// <summary>One item of a connection's outgoing queue.</summary>
internal readonly record struct EslOutItem(EslOutKind Kind, object? Payload, int Epoch);
