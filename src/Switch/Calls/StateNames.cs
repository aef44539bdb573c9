namespace Switch.Calls;

/// <summary>The wire spellings of states, call states and directions (CS_EXECUTE, RINGING, inbound).</summary>
internal static class StateNames
{
    private static readonly string[] ChannelStateNames =
    [
        "CS_NEW", "CS_INIT", "CS_ROUTING", "CS_SOFT_EXECUTE", "CS_EXECUTE", "CS_EXCHANGE_MEDIA", "CS_PARK",
        "CS_CONSUME_MEDIA", "CS_HIBERNATE", "CS_RESET", "CS_HANGUP", "CS_REPORTING", "CS_DESTROY", "CS_NONE",
    ];

    private static readonly string[] CallStateNames =
    [
        "DOWN", "DIALING", "RINGING", "EARLY", "ACTIVE", "HELD", "RING_WAIT", "HANGUP", "UNHELD",
    ];

    private static readonly string[] Numbers = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"];

    /// <summary>The three state headers that open every channel block, one shared array per combination, made on first use.</summary>
    private static readonly KeyValuePair<string, string>[]?[] StateHeaderBlocks =
        new KeyValuePair<string, string>[]?[ChannelStateNames.Length * CallStateNames.Length * ChannelStateNames.Length];

    public static string Of(ChannelState state) => ChannelStateNames[(int)state];

    public static string Of(CallState state) => CallStateNames[(int)state];

    public static string Of(CallDirection direction) => direction == CallDirection.Inbound ? "inbound" : "outbound";

    /// <summary>The decimal number of a state (Channel-State-Number), without allocating.</summary>
    public static string NumberOf(ChannelState state) => Numbers[(int)state];

    /// <summary>The decimal number of a call state (Channel-Call-State-Number), without allocating.</summary>
    public static string NumberOf(CallState state) => Numbers[(int)state];

    /// <summary>
    /// Channel-State, Channel-Call-State and Channel-State-Number (of the requested state): the block that opens
    /// every channel event, shared by every channel in the same states. Never to be changed.
    /// </summary>
    public static KeyValuePair<string, string>[] StateHeaders(ChannelState state, CallState callState, ChannelState requested)
    {
        if ((uint)state >= (uint)ChannelStateNames.Length || (uint)callState >= (uint)CallStateNames.Length
            || (uint)requested >= (uint)ChannelStateNames.Length)
        {
            return MakeStateHeaders(state, callState, requested);
        }
        var index = (((int)state * CallStateNames.Length) + (int)callState) * ChannelStateNames.Length + (int)requested;
        return StateHeaderBlocks[index] ??= MakeStateHeaders(state, callState, requested);
    }

    private static KeyValuePair<string, string>[] MakeStateHeaders(ChannelState state, CallState callState, ChannelState requested) =>
    [
        new("Channel-State", Of(state)),
        new("Channel-Call-State", Of(callState)),
        new("Channel-State-Number", NumberOf(requested)),
    ];
}
