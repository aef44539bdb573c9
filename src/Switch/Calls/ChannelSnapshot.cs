namespace Switch.Calls;

/// <summary>
/// A channel's show-channels row, taken on its call's mailbox. It captures what changes while the channel
/// lives (states, application, codecs, the variables shown, the bridge); what is fixed when the channel is
/// created (uuid, name, direction, caller profile) is read from the channel itself. Taken again only when
/// one of the captured values changed, so a channel that rests costs one small object. The columns a
/// signalling-only channel leaves empty (codecs, presence data, account code) are one shared part, absent
/// when all are empty.
/// </summary>
internal sealed class ChannelSnapshot
{
    private readonly Channel _channel;
    private readonly ChannelState _state;
    private readonly CallState _callState;
    private readonly Extras? _extras;

    private ChannelSnapshot(Channel c, string? application, string? applicationData, string? presenceId, Extras? extras,
        string callUuid, string? bridgedTo)
    {
        _channel = c;
        _state = c.State;
        _callState = c.CallState;
        Application = application;
        ApplicationData = applicationData;
        _extras = extras;
        PresenceId = presenceId;
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
    public string? ReadCodec => _extras?.ReadCodec;
    public int ReadRate => _extras?.ReadRate ?? 0;
    public int ReadBitRate => _extras?.ReadBitRate ?? 0;
    public string? WriteCodec => _extras?.WriteCodec;
    public int WriteRate => _extras?.WriteRate ?? 0;
    public int WriteBitRate => _extras?.WriteBitRate ?? 0;
    public string? PresenceId { get; }
    public string? PresenceData => _extras?.PresenceData;
    public string? AccountCode => _extras?.AccountCode;
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
        var extras = Extras.Of(c, previous?._extras);
        var callUuid = c.CallUuid;
        var bridgedTo = c.BridgedTo?.Uuid;
        if (previous is not null && ReferenceEquals(previous._channel, c) && previous._state == c.State && previous._callState == c.CallState
            && ReferenceEquals(previous.Application, application) && ReferenceEquals(previous.ApplicationData, applicationData)
            && ReferenceEquals(previous._extras, extras) && ReferenceEquals(previous.PresenceId, presenceId)
            && ReferenceEquals(previous.CallUuid, callUuid)
            && ReferenceEquals(previous.BridgedTo, bridgedTo) && previous.IsBridgeOriginator == c.IsBridgeOriginator)
        {
            return previous;
        }
        return new ChannelSnapshot(c, application, applicationData, presenceId, extras, callUuid, bridgedTo);
    }

    /// <summary>The columns that stay empty without media, presence data or an account code.</summary>
    private sealed class Extras
    {
        private Extras(Channel c, string? presenceData, string? accountCode)
        {
            ReadCodec = c.ReadCodecName;
            ReadRate = c.ReadCodecRate;
            ReadBitRate = c.ReadCodecBitRate;
            WriteCodec = c.WriteCodecName;
            WriteRate = c.WriteCodecRate;
            WriteBitRate = c.WriteCodecBitRate;
            PresenceData = presenceData;
            AccountCode = accountCode;
        }

        public string? ReadCodec { get; }
        public int ReadRate { get; }
        public int ReadBitRate { get; }
        public string? WriteCodec { get; }
        public int WriteRate { get; }
        public int WriteBitRate { get; }
        public string? PresenceData { get; }
        public string? AccountCode { get; }

        /// <summary>The channel's extras now: null when all are empty, <paramref name="previous"/> when unchanged.</summary>
        public static Extras? Of(Channel c, Extras? previous)
        {
            var presenceData = c.Variables["presence_data"];
            var accountCode = c.Variables["accountcode"];
            if (c.ReadCodecName is null && c.WriteCodecName is null && c.ReadCodecRate == 0 && c.WriteCodecRate == 0
                && c.ReadCodecBitRate == 0 && c.WriteCodecBitRate == 0 && presenceData is null && accountCode is null)
            {
                return null;
            }
            if (previous is not null
                && ReferenceEquals(previous.ReadCodec, c.ReadCodecName) && previous.ReadRate == c.ReadCodecRate && previous.ReadBitRate == c.ReadCodecBitRate
                && ReferenceEquals(previous.WriteCodec, c.WriteCodecName) && previous.WriteRate == c.WriteCodecRate
                && previous.WriteBitRate == c.WriteCodecBitRate
                && ReferenceEquals(previous.PresenceData, presenceData) && ReferenceEquals(previous.AccountCode, accountCode))
            {
                return previous;
            }
            return new Extras(c, presenceData, accountCode);
        }
    }
}
