using System.Globalization;
using Switch.Sdp;
using Switch.Sip.Dialogs;
using Switch.Sip.Message;

namespace Switch.Calls.Sip;

/// <summary>
/// One SIP leg of the B2BUA: its dialog, SDP state and media, as the protocol side of a channel
/// (<see cref="ILegSignaling"/>). The call engine invokes it from the call's mailbox; SIP messages arrive on
/// transport threads. A small lock guards the leg's own SIP state; a leg never calls another leg while
/// holding it (cross-leg work such as relaying a re-INVITE runs on the call's mailbox through
/// <see cref="ILegEvents.Post"/>). What the far end does is reported with <see cref="ILegEvents"/>.
/// </summary>
internal abstract partial class SipLeg : ILegSignaling
{
    /// <summary>Guards the leg's SIP state (the leg itself: no lock object per leg).</summary>
    private protected object Gate => this;
    private SipLeg? _peer;

    private protected SipLeg(SipCallContext context, string uuid, string callId, string localTag)
    {
        Context = context;
        Uuid = uuid;
        CallId = callId;
        LocalTag = localTag;
    }

    public string Uuid { get; }

    public string CallId { get; }

    /// <summary>The tag this side chose (To tag as UAS, From tag as UAC).</summary>
    public string LocalTag { get; }

    /// <summary>True when SDP passes end to end (bypass_media) instead of through the switch's RTP relay.</summary>
    public bool BypassMedia { get; private protected set; }

    /// <summary>The last SDP the far end sent (its offer or answer).</summary>
    public StoredSdp? RemoteSdp { get; private protected set; }

    /// <summary>The last SDP this side sent on the leg.</summary>
    public StoredSdp? LocalSdp { get; private protected set; }

    /// <summary>The negotiated audio stream, once offer/answer completed.</summary>
    public SdpAudioNegotiation? Audio
    {
        get => _mediaState?.Audio;
        private protected set => SetMediaState(value is not null, value, static (m, v) => m.Audio = v);
    }

    public ILegMedia? Media
    {
        get => _mediaState?.Media;
        private protected set
        {
            SetMediaState(value is not null, value, static (m, v) => m.Media = v);
            if (value is not null)
            {
                value.DtmfReceived = digit => Context.Events.Dtmf(Uuid, digit.Digit, digit.DurationSamples, digit.Source);
            }
        }
    }

    /// <summary>The dialog, once a To tag exists on both sides.</summary>
    public SipDialog? Dialog { get; private protected set; }

    /// <summary>Set once the leg ended (either side): no more signaling except answering the far end.</summary>
    public bool IsEnded { get; private protected set; }

    /// <summary>The cause reported when the far end ended the leg (BYE, CANCEL, failure, timeout).</summary>
    public HangupCause? FarEndCause { get; private protected set; }

    private protected SipCallContext Context { get; }

    /// <summary>The leg this one is bridged with (set and read on the call's mailbox).</summary>
    private protected SipLeg? Peer
    {
        get => Volatile.Read(ref _peer);
        set => Volatile.Write(ref _peer, value);
    }

    public abstract ValueTask InviteAsync(CancellationToken cancellationToken);

    public abstract ValueTask RingAsync(CancellationToken cancellationToken);

    public abstract ValueTask<bool> PreAnswerAsync(ILegSignaling? peer, CancellationToken cancellationToken);

    public virtual ValueTask<bool> PreAnswerWithRingbackAsync(ILegSignaling? peer, CancellationToken cancellationToken) =>
        PreAnswerAsync(peer, cancellationToken);

    public virtual void UseRingback(string? ringback)
    {
    }

    public abstract ValueTask<bool> AnswerAsync(ILegSignaling? peer, CancellationToken cancellationToken);

    public abstract ValueTask HangupAsync(HangupCause cause, CancellationToken cancellationToken);

    public ValueTask BridgeAsync(ILegSignaling peer, CancellationToken cancellationToken)
    {
        if (peer is not SipLeg other)
        {
            return ValueTask.CompletedTask;
        }
        Peer = other;
        other.Peer = this;
        if (Media is { } mine && other.Media is { } theirs)
        {
            mine.Connect(theirs);
        }
        return ValueTask.CompletedTask;
    }

    public bool TryStartPlayback(string source, Action<string, bool> onCompleted, int loops = 1)
    {
        if (Media is not { } media)
        {
            return false;
        }
        media.Play(source, result => onCompleted(result.ApplicationResponse, result.Status == Switch.Media.PlaybackStatus.Stopped), loops);
        return true;
    }

    public void StopPlayback() => Media?.StopPlayback();

    public bool TryStartEcho()
    {
        if (Media is not { } media)
        {
            return false;
        }
        media.StartEcho();
        return true;
    }

    public void StopEcho() => Media?.StopEcho();

    public bool SendDtmf(string digits) => Media is { } media && media.SendDtmf(digits);

    public bool TryStartRecording(string path, out string? error)
    {
        if (Media is not { } media)
        {
            error = "no media on the leg (bypass_media)";
            return false;
        }
        return media.TryStartRecording(path, out error);
    }

    public bool StopRecording() => Media is { } media && media.StopRecording();

    public ValueTask UnbridgeAsync(CancellationToken cancellationToken)
    {
        Peer = null;
        Media?.Disconnect();
        return ValueTask.CompletedTask;
    }

    /// <summary>The switch's side of an SDP exchange on this leg: its RTP address and port, the previous SDP it sent.</summary>
    private protected SdpLocalMedia LocalMedia(SdpCodec? preferred = null) =>
        new(Media!.Address, Media.Port) { Previous = LocalSdp?.Parse(), PreferredCodec = preferred };

    /// <summary>Applies a negotiated stream to the media and remembers it; its codec variables go to the channel.</summary>
    private protected void Apply(SdpAudioNegotiation audio)
    {
        Audio = audio;
        Media?.Configure(audio);
        var variables = CodecVariables();
        SetMediaState(true, variables, static (m, v) => m.PendingVariables = v);
    }

    public IReadOnlyList<KeyValuePair<string, string>>? TakeVariables()
    {
        lock (Gate)
        {
            var pending = _mediaState?.PendingVariables;
            if (pending is not null)
            {
                SetMediaState<IReadOnlyList<KeyValuePair<string, string>>?>(false, null, static (m, v) => m.PendingVariables = v);
            }
            return pending;
        }
    }

    /// <summary>read_codec / write_codec variables for the channel's codec headers.</summary>
    private protected IReadOnlyList<KeyValuePair<string, string>> CodecVariables()
    {
        if (Audio is not { } audio)
        {
            return [];
        }
        var name = audio.Codec.EncodingName.ToUpperInvariant();
        var rate = audio.Codec.ClockRate.ToString(CultureInfo.InvariantCulture);
        var bitRate = audio.Codec.IsG711 ? "64000" : "0";
        return
        [
            new("read_codec", name), new("read_rate", rate), new("read_bit_rate", bitRate),
            new("write_codec", name), new("write_rate", rate), new("write_bit_rate", bitRate),
        ];
    }

    private protected static SdpSession? ParseSdp(SipMessage message)
    {
        if (message.Body.IsEmpty)
        {
            return null;
        }
        var type = message.ContentType;
        if (type is not null && !type.StartsWith(SdpSession.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return SdpSession.TryParse(message.Body.Span, out var sdp, out _) ? sdp : null;
    }

    private protected static SipMessageBuilder WithSdp(SipMessageBuilder builder, StoredSdp sdp) =>
        builder.AddHeader(SipHeaderNames.ContentDisposition, "session").SetBody(sdp.ToBytes(), SdpSession.ContentType);

    /// <summary>Allow, Supported and User-Agent, as the switch puts them on every INVITE, UPDATE and their answers.</summary>
    private protected SipMessageBuilder WithCapabilities(SipMessageBuilder builder) =>
        builder.AddHeader(SipHeaderNames.UserAgent, Context.Options.UserAgent)
            .AddHeader(SipHeaderNames.Allow, Context.Options.Allow)
            .AddHeader(SipHeaderNames.Supported, Context.Options.Supported);

    /// <summary>Sends a BYE in the dialog with FreeSWITCH's Reason header (e.g. Q.850;cause=16;text="NORMAL_CLEARING").</summary>
    private protected void SendBye(HangupCause cause)
    {
        if (Dialog is not { State: not SipDialogState.Terminated } dialog)
        {
            return;
        }
        var bye = dialog.CreateRequest(SipMethod.Bye)
            .AddHeader(SipHeaderNames.UserAgent, Context.Options.UserAgent)
            .AddHeader(SipHeaderNames.Reason, SipCauses.ReasonHeader(cause));
        dialog.Terminate();
        Context.Layer.SendRequest(bye, dialog.Target);
    }

    /// <summary>Leaves the registry and releases the media port.</summary>
    private protected void Release()
    {
        Context.Legs.Remove(this);
        StopSessionTimer();
        if (Media is { } media)
        {
            var statistics = media.GetStatistics();
            SetMediaState(statistics is not null, statistics, static (m, v) => m.ReleasedStatistics = v);
            Media = null;
            _ = DisposeMediaAsync(media);
        }
    }

    public IReadOnlyList<KeyValuePair<string, string>>? TakeMediaStatistics()
    {
        Switch.Media.RtpStatistics? statistics;
        lock (Gate)
        {
            statistics = Media?.GetStatistics();
            if (statistics is null && _mediaState?.ReleasedStatistics is { } released)
            {
                statistics = released;
                SetMediaState<Switch.Media.RtpStatistics?>(false, null, static (m, v) => m.ReleasedStatistics = v);
            }
        }
        return statistics is null ? null : RtpStatisticsVariables.From(statistics);
    }

    private async Task DisposeMediaAsync(ILegMedia media)
    {
        try
        {
            await media.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            SipCallLog.LegProblem(Context.Logger, Uuid, "media release failed: " + ex.Message);
        }
    }

    private protected void ReportEnded(HangupCause cause, IReadOnlyList<KeyValuePair<string, string>>? variables)
    {
        FarEndCause ??= cause;
        Context.Events.Ended(Uuid, cause, variables);
    }

    public override string ToString() => $"{GetType().Name} {Uuid} {CallId}";
}
