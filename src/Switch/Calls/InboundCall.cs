namespace Switch.Calls;

/// <summary>
/// What the SIP side knows about a new inbound call when it hands it to the engine: the leg's name, caller
/// id (From / P-Asserted-Identity / Remote-Party-ID), destination (Request-URI user), source address, the
/// authenticated user, and sip_* variables to start the channel with; then variables whose values are kept
/// compactly (switch_r_sdp), set after those.
/// </summary>
internal sealed record InboundCall(
    string ChannelName,
    string? CallerIdName,
    string? CallerIdNumber,
    string DestinationNumber,
    string? NetworkAddr,
    string? Username = null,
    IReadOnlyList<KeyValuePair<string, string>>? Variables = null,
    string? Uuid = null,
    IReadOnlyList<KeyValuePair<string, VariableText>>? TextVariables = null);
