namespace Switch.Calls;

/// <summary>Which way a leg was set up, from the switch's point of view.</summary>
internal enum CallDirection : byte
{
    /// <summary>The switch received the INVITE (an a-leg).</summary>
    Inbound,

    /// <summary>The switch sent the INVITE (a b-leg or an originated leg).</summary>
    Outbound,
}
