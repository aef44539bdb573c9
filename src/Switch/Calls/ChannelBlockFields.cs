namespace Switch.Calls;

/// <summary>
/// The values of a channel that its channel block prints (ESL-PROTOCOL.md §6.2) after the three state headers,
/// copied at one moment.
/// </summary>
internal readonly record struct ChannelBlockFields(
    string Uuid, string Name, CallDirection Direction,
    bool HitDialplan, string? PresenceId, string? PresenceData, string CallUuid, string AnswerState, HangupCause? HangupCause,
    string? ReadCodecName, int ReadCodecRate, int ReadCodecBitRate,
    string? WriteCodecName, int WriteCodecRate, int WriteCodecBitRate)
{
    public static ChannelBlockFields Of(Channel ch) => new(
        ch.Uuid, ch.Name, ch.Direction,
        ch.HitDialplan, ch.Variables["presence_id"], ch.Variables["presence_data"], ch.CallUuid, ch.AnswerState, ch.HangupCause,
        ch.ReadCodecName, ch.ReadCodecRate, ch.ReadCodecBitRate,
        ch.WriteCodecName, ch.WriteCodecRate, ch.WriteCodecBitRate);
}
