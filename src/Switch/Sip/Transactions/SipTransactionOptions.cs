namespace Switch.Sip.Transactions;

/// <summary>RFC 3261 §17 timer values and the layer's stateless answers.</summary>
internal sealed record SipTransactionOptions
{
    /// <summary>RTT estimate (default 500 ms).</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses (default 4 s).</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum time a message stays in the network (default 5 s).</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timer D for unreliable transports (at least 32 s).</summary>
    public TimeSpan TimerD { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>Send 100 Trying as soon as an INVITE server transaction is created (FreeSWITCH does).</summary>
    public bool SendTryingImmediately { get; init; } = true;

    /// <summary>Allow header of stateless answers (OPTIONS 200, 501, 405).</summary>
    public string Allow { get; init; } = "INVITE, ACK, BYE, CANCEL, OPTIONS, MESSAGE, INFO, UPDATE, REGISTER, REFER, NOTIFY";

    /// <summary>Supported header of OPTIONS answers.</summary>
    public string Supported { get; init; } = "timer, path, replaces";

    /// <summary>User-Agent / Server value added to answers the layer generates (null for none).</summary>
    public string? ServerHeader { get; init; } = "Switch";

    /// <summary>64*T1: timers B, F, H, J, L, M.</summary>
    public TimeSpan TimeoutInterval => T1 * 64;
}
