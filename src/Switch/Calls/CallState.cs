namespace Switch.Calls;

/// <summary>FreeSWITCH's channel call states (switch_channel_callstate_t), as Channel-Call-State carries them.</summary>
internal enum CallState : byte
{
    Down = 0,
    Dialing = 1,
    Ringing = 2,
    Early = 3,
    Active = 4,
    Held = 5,
    RingWait = 6,
    Hangup = 7,
    Unheld = 8,
}
