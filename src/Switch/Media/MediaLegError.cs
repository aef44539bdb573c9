namespace Switch.Media;

/// <summary>Why a leg could not be created. PortsExhausted maps to hangup cause RECOVERY_ON_TIMER_EXPIRE / 503 in FreeSWITCH terms.</summary>
internal enum MediaLegError
{
    None,

    /// <summary>Every RTP port pair of the range is in use.</summary>
    PortsExhausted,

    /// <summary>Ports were free in the pool but none could be bound (used by another process, bad bind address).</summary>
    BindFailed,

    Disposed,
}
