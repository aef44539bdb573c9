namespace Switch.Calls;

/// <summary>A channel's show-channels row, taken on its call's mailbox.</summary>
internal sealed record ChannelSnapshot(
    string Uuid,
    string Direction,
    long CreatedMicros,
    string Name,
    string State,
    string? CallerIdName,
    string? CallerIdNumber,
    string? NetworkAddr,
    string? DestinationNumber,
    string? Application,
    string? ApplicationData,
    string? Dialplan,
    string? Context,
    string? ReadCodec,
    int ReadRate,
    int ReadBitRate,
    string? WriteCodec,
    int WriteRate,
    int WriteBitRate,
    string? PresenceId,
    string? PresenceData,
    string? AccountCode,
    string CallState,
    string? CalleeName,
    string? CalleeNumber,
    string? CalleeDirection,
    string CallUuid,
    string? InitialCallerIdName,
    string? InitialCallerIdNumber,
    string? InitialNetworkAddr,
    string? InitialDestinationNumber,
    string? BridgedTo,
    bool IsBridgeOriginator)
{
    public static ChannelSnapshot Of(Channel c)
    {
        var p = c.Profile;
        return new ChannelSnapshot(
            c.Uuid, StateNames.Of(c.Direction), p.CreatedTime, c.Name, StateNames.Of(c.State),
            p.CallerIdName, p.CallerIdNumber, p.NetworkAddr, p.DestinationNumber,
            c.IsParked && c.RunningApplication is null ? ApplicationNames.Park : c.RunningApplication?.Name ?? c.CurrentApplication,
            c.IsParked && c.RunningApplication is null ? null : c.RunningApplication?.Data ?? c.CurrentApplicationData,
            p.Dialplan, p.Context,
            c.ReadCodecName, c.ReadCodecRate, c.ReadCodecBitRate, c.WriteCodecName, c.WriteCodecRate, c.WriteCodecBitRate,
            c.Variables["presence_id"], c.Variables["presence_data"], c.Variables["accountcode"],
            StateNames.Of(c.CallState), p.CalleeIdName, p.CalleeIdNumber,
            null,
            c.CallUuid,
            p.InitialCallerIdName, p.InitialCallerIdNumber, p.InitialNetworkAddr, p.InitialDestinationNumber,
            c.BridgedTo?.Uuid, c.IsBridgeOriginator);
    }
}
