using Switch.Media;
using Switch.Sdp;
using Switch.Sip.Transactions;

namespace Switch.Calls.Sip;

/// <summary>
/// The parts of a leg's state that a bridged signalling-only leg does not have at rest: its media (none with
/// bypass_media) and offer/answer exchanges in progress. Each part is an object made when something in it is
/// first set and let go once all of it is unset again, so a resting bypassed leg keeps no room for them.
/// </summary>
internal abstract partial class SipLeg
{
    private MediaState? _mediaState;
    private OfferExchange? _exchange;

    /// <summary>A re-INVITE or UPDATE from the far end waiting for the switch's answer.</summary>
    private protected SipServerTransaction? PendingIncomingOffer
    {
        get => _exchange?.Incoming;
        set => SetExchange(value is not null, value, static (x, v) => x.Incoming = v);
    }

    /// <summary>An offer the switch put in a 2xx (offerless re-INVITE, late offer) whose answer comes in the ACK.</summary>
    private protected StoredSdp? OfferAwaitingAck
    {
        get => _exchange?.AwaitingAck;
        set => SetExchange(value is not null, value, static (x, v) => x.AwaitingAck = v);
    }

    /// <summary>The re-INVITE/UPDATE the switch sent on this leg, until its final response.</summary>
    private OutgoingOffer? Outgoing
    {
        get => _exchange?.Outgoing;
        set => SetExchange(value is not null, value, static (x, v) => x.Outgoing = v);
    }

    private void SetMediaState<T>(bool present, T value, Action<MediaState, T> set)
    {
        if (present)
        {
            set(_mediaState ??= new MediaState(), value);
        }
        else if (_mediaState is { } state)
        {
            set(state, value);
            if (state.IsEmpty)
            {
                _mediaState = null;
            }
        }
    }

    private void SetExchange<T>(bool present, T value, Action<OfferExchange, T> set)
    {
        if (present)
        {
            set(_exchange ??= new OfferExchange(), value);
        }
        else if (_exchange is { } exchange)
        {
            set(exchange, value);
            if (exchange.IsEmpty)
            {
                _exchange = null;
            }
        }
    }

    private sealed class MediaState
    {
        public ILegMedia? Media { get; set; }
        public SdpAudioNegotiation? Audio { get; set; }

        /// <summary>Codec variables of the last negotiation, until the channel takes them.</summary>
        public IReadOnlyList<KeyValuePair<string, string>>? PendingVariables { get; set; }

        /// <summary>The media's counters as they were when it was released, until the channel takes them at hangup.</summary>
        public RtpStatistics? ReleasedStatistics { get; set; }

        public bool IsEmpty => Media is null && Audio is null && PendingVariables is null && ReleasedStatistics is null;
    }

    private sealed class OfferExchange
    {
        public SipServerTransaction? Incoming { get; set; }
        public StoredSdp? AwaitingAck { get; set; }
        public OutgoingOffer? Outgoing { get; set; }

        public bool IsEmpty => Incoming is null && AwaitingAck is null && Outgoing is null;
    }
}
