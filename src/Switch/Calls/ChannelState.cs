namespace Switch.Calls;

/// <summary>FreeSWITCH's channel states (switch_channel_state_t); the wire names carry the CS_ prefix.</summary>
internal enum ChannelState : byte
{
    New = 0,
    Init = 1,
    Routing = 2,
    SoftExecute = 3,
    Execute = 4,
    ExchangeMedia = 5,
    Park = 6,
    ConsumeMedia = 7,
    Hibernate = 8,
    Reset = 9,
    Hangup = 10,
    Reporting = 11,
    Destroy = 12,
    None = 13,
}
