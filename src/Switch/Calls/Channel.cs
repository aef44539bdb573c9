namespace Switch.Calls;

/// <summary>
/// One leg of a call (switch_channel_t): identity, states, caller profile, variables and the protocol side.
/// Owned by exactly one <see cref="Call"/>; every change happens on that call's mailbox, so nothing here locks.
/// The channel is its variable store (<see cref="Variables"/> is the channel itself seen as one), which saves
/// an object and a reference per channel; use the store through <see cref="Variables"/>.
/// </summary>
internal sealed partial class Channel : ChannelVariables
{
    private volatile Call? _call;

    public Channel(string uuid, string name, CallDirection direction, CallerProfile profile, ILegSignaling signaling)
    {
        Direction = direction;
        Profile = profile;
        Signaling = signaling;
        profile.UniqueId = uuid;
        profile.ChannelName = name;
        profile.Direction = direction;
        profile.LogicalDirection = direction;
        HitDialplan = direction == CallDirection.Inbound;
        Variables.Set("direction", StateNames.Of(direction));
        Variables.Set("uuid", uuid);
        Variables.Set("channel_name", name);
    }

    /// <summary>
    /// About how many variables answering and bridging add to a leg (endpoint_disposition, bridge_to,
    /// bridge_channel, ...): room reserved when a leg's first variables are set, so that they fit without
    /// growing the store while the call lasts.
    /// </summary>
    internal const int VariablesAddedByACall = 12;

    /// <summary>Unique-ID: kept by the caller profile (Caller-Unique-ID), which outlives the channel as the peer's Other-Leg profile.</summary>
    public string Uuid => Profile.UniqueId!;

    /// <summary>Channel-Name, e.g. sofia/internal/1000@192.0.2.10 (kept by the caller profile, as the uuid).</summary>
    public string Name => Profile.ChannelName!;

    public CallDirection Direction { get; }

    public CallerProfile Profile { get; }

    /// <summary>The channel's variables (the channel itself: see the class remarks).</summary>
    public ChannelVariables Variables => this;

    public ILegSignaling Signaling { get; }

    /// <summary>The call whose mailbox owns this channel; changes when two calls are merged by a bridge.</summary>
    public Call? Call
    {
        get => _call;
        internal set => _call = value;
    }

    /// <summary>The state the channel is running (Channel-State).</summary>
    public ChannelState State { get; private set; } = ChannelState.New;

    /// <summary>The state requested last (Channel-State-Number); ahead of <see cref="State"/> while hanging up.</summary>
    public ChannelState RequestedState { get; private set; } = ChannelState.New;

    public CallState CallState { get; set; } = CallState.Down;

    /// <summary>Channel-HIT-Dialplan: true for inbound legs, false for originated legs.</summary>
    public bool HitDialplan { get; set; }

    public bool IsAnswered { get; set; }

    /// <summary>180 sent or received.</summary>
    public bool HasProgress { get; set; }

    /// <summary>183 with SDP sent or received (early media).</summary>
    public bool HasEarlyMedia { get; set; }

    /// <summary>Set once hangup starts; the channel is gone for commands from then on.</summary>
    public HangupCause? HangupCause { get; set; }

    public bool IsHungUp => HangupCause is not null;

    /// <summary>True while the channel rests in park, waiting for a command.</summary>
    public bool IsParked { get; set; }

    /// <summary>The leg this one is bridged with, if any.</summary>
    public Channel? BridgedTo { get; set; }

    /// <summary>The other leg's profile for the Other-Leg-* block, kept after that leg is gone.</summary>
    public CallerProfile? OtherLegProfile { get; set; }

    public OtherLegType OtherLegType { get; set; }

    /// <summary>The application started last (it stays current after it ends, until the next one starts).</summary>
    internal ApplicationRun? CurrentRun { get; set; }

    public string? CurrentApplication => CurrentRun?.Name;
    public string? CurrentApplicationData => CurrentRun?.Data;
    public string? LastApplication { get; set; }
    public string? LastApplicationData { get; set; }

    public string? ReadCodecName
    {
        get => _occasional?.ReadCodecName;
        set => SetOccasional(value is not null, value, static (o, v) => o.ReadCodecName = v);
    }

    public int ReadCodecRate
    {
        get => _occasional?.ReadCodecRate ?? 0;
        set => SetOccasional(value != 0, value, static (o, v) => o.ReadCodecRate = v);
    }

    public int ReadCodecBitRate
    {
        get => _occasional?.ReadCodecBitRate ?? 0;
        set => SetOccasional(value != 0, value, static (o, v) => o.ReadCodecBitRate = v);
    }

    public string? WriteCodecName
    {
        get => _occasional?.WriteCodecName;
        set => SetOccasional(value is not null, value, static (o, v) => o.WriteCodecName = v);
    }

    public int WriteCodecRate
    {
        get => _occasional?.WriteCodecRate ?? 0;
        set => SetOccasional(value != 0, value, static (o, v) => o.WriteCodecRate = v);
    }

    public int WriteCodecBitRate
    {
        get => _occasional?.WriteCodecBitRate ?? 0;
        set => SetOccasional(value != 0, value, static (o, v) => o.WriteCodecBitRate = v);
    }

    /// <summary>Answer-State: ringing, early, answered, or hangup once hanging up.</summary>
    public string AnswerState =>
        IsHungUp ? "hangup" : IsAnswered ? "answered" : HasEarlyMedia ? "early" : "ringing";

    /// <summary>Channel-Call-UUID: the call_uuid variable when set (a bridged b-leg carries the a-leg's), else the own uuid.</summary>
    public string CallUuid => Variables["call_uuid"] ?? Uuid;

    /// <summary>
    /// Takes the codec headers (Channel-Read-Codec-*, Channel-Write-Codec-*) from the read_codec, read_rate,
    /// write_codec and write_rate variables the protocol side reports.
    /// </summary>
    public void SyncCodecsFromVariables()
    {
        if (Variables["read_codec"] is { } read)
        {
            ReadCodecName = read;
            ReadCodecRate = IntVariable("read_rate");
            ReadCodecBitRate = IntVariable("read_bit_rate");
        }
        if (Variables["write_codec"] is { } write)
        {
            WriteCodecName = write;
            WriteCodecRate = IntVariable("write_rate");
            WriteCodecBitRate = IntVariable("write_bit_rate");
        }
    }

    private int IntVariable(string name) =>
        int.TryParse(Variables[name], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>Moves the channel to a new state: running and requested state both change.</summary>
    public void SetState(ChannelState state)
    {
        State = state;
        RequestedState = state;
    }

    /// <summary>Requests a state the channel is not running yet (a hangup in progress).</summary>
    public void RequestState(ChannelState state) => RequestedState = state;

    public override string ToString() => $"{Name} [{Uuid}]";
}
