namespace Switch.Calls;

/// <summary>
/// A channel's show-channels row, taken on its call's mailbox. It captures what changes while the channel
/// lives (states, application, codecs, the variables shown, the bridge); what is fixed when the channel is
/// created (uuid, name, direction, caller profile) is read from the channel itself. Taken again only when
/// one of the captured values changed, so a channel that rests costs one small object.
/// </summary>
internal sealed class ChannelSnapshot
{
    private readonly Channel _channel;
    private readonly ChannelState _state;
    private readonly CallState _callState;

    private ChannelSnapshot(Channel c, string? application, string? applicationData, string? presenceId, string? presenceData,
        string? accountCode, string callUuid, string? bridgedTo)
    {
        _channel = c;
        _state = c.State;
        _callState = c.CallState;
        Application = application;
        ApplicationData = applicationData;
        ReadCodec = c.ReadCodecName;
        ReadRate = c.ReadCodecRate;
        ReadBitRate = c.ReadCodecBitRate;
        WriteCodec = c.WriteCodecName;
        WriteRate = c.WriteCodecRate;
        WriteBitRate = c.WriteCodecBitRate;
        PresenceId = presenceId;
        PresenceData = presenceData;
        AccountCode = accountCode;
        CallUuid = callUuid;
        BridgedTo = bridgedTo;
        IsBridgeOriginator = c.IsBridgeOriginator;
    }

    public string Uuid => _channel.Uuid;
    public string Direction => StateNames.Of(_channel.Direction);
    public long CreatedMicros => _channel.Profile.CreatedTime;
    public string Name => _channel.Name;
    public string State => StateNames.Of(_state);
    public string? CallerIdName => _channel.Profile.CallerIdName;
    public string? CallerIdNumber => _channel.Profile.CallerIdNumber;
    public string? NetworkAddr => _channel.Profile.NetworkAddr;
    public string? DestinationNumber => _channel.Profile.DestinationNumber;
    public string? Application { get; }
    public string? ApplicationData { get; }
    public string? Dialplan => _channel.Profile.Dialplan;
    public string? Context => _channel.Profile.Context;
    public string? ReadCodec { get; }
    public int ReadRate { get; }
    public int ReadBitRate { get; }
    public string? WriteCodec { get; }
    public int WriteRate { get; }
    public int WriteBitRate { get; }
    public string? PresenceId { get; }
    public string? PresenceData { get; }
    public string? AccountCode { get; }
    public string CallState => StateNames.Of(_callState);
    public string? CalleeName => _channel.Profile.CalleeIdName;
    public string? CalleeNumber => _channel.Profile.CalleeIdNumber;
    public string? CalleeDirection => null;
    public string CallUuid { get; }
    public string? InitialCallerIdName => _channel.Profile.InitialCallerIdName;
    public string? InitialCallerIdNumber => _channel.Profile.InitialCallerIdNumber;
    public string? InitialNetworkAddr => _channel.Profile.InitialNetworkAddr;
    public string? InitialDestinationNumber => _channel.Profile.InitialDestinationNumber;
    public string? BridgedTo { get; }
    public bool IsBridgeOriginator { get; }

    /// <summary>The channel's row now: <paramref name="previous"/> itself when nothing it captures changed.</summary>
    public static ChannelSnapshot Of(Channel c, ChannelSnapshot? previous = null)
    {
        var parkedIdle = c.IsParked && c.RunningApplication is null;
        var application = parkedIdle ? ApplicationNames.Park : c.RunningApplication?.Name ?? c.CurrentApplication;
        var applicationData = parkedIdle ? null : c.RunningApplication?.Data ?? c.CurrentApplicationData;
        var presenceId = c.Variables["presence_id"];
        var presenceData = c.Variables["presence_data"];
        var accountCode = c.Variables["accountcode"];
        var callUuid = c.CallUuid;
        var bridgedTo = c.BridgedTo?.Uuid;
        if (previous is not null && ReferenceEquals(previous._channel, c) && previous._state == c.State && previous._callState == c.CallState
            && ReferenceEquals(previous.Application, application) && ReferenceEquals(previous.ApplicationData, applicationData)
            && ReferenceEquals(previous.ReadCodec, c.ReadCodecName) && previous.ReadRate == c.ReadCodecRate && previous.ReadBitRate == c.ReadCodecBitRate
            && ReferenceEquals(previous.WriteCodec, c.WriteCodecName) && previous.WriteRate == c.WriteCodecRate && previous.WriteBitRate == c.WriteCodecBitRate
            && ReferenceEquals(previous.PresenceId, presenceId) && ReferenceEquals(previous.PresenceData, presenceData)
            && ReferenceEquals(previous.AccountCode, accountCode) && ReferenceEquals(previous.CallUuid, callUuid)
            && ReferenceEquals(previous.BridgedTo, bridgedTo) && previous.IsBridgeOriginator == c.IsBridgeOriginator)
        {
            return previous;
        }
        return new ChannelSnapshot(c, application, applicationData, presenceId, presenceData, accountCode, callUuid, bridgedTo);
    }
}
