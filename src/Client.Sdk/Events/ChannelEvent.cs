using Switch.EventSocket;

namespace Switch.Client;

/// <summary>Any <c>CHANNEL_*</c> event (and DTMF): the channel headers of ESL-PROTOCOL.md §6.2–6.3.</summary>
public class ChannelEvent : EventMessage
{
    /// <summary>Wraps a channel event.</summary>
    protected internal ChannelEvent(EslEvent raw)
        : base(raw)
    {
    }

    /// <summary><c>Channel-Name</c>, e.g. <c>sofia/internal/1000@192.0.2.10</c>.</summary>
    public string? ChannelName => this["Channel-Name"];

    /// <summary><c>Channel-State</c>, e.g. <c>CS_EXECUTE</c>.</summary>
    public string? ChannelState => this["Channel-State"];

    /// <summary><c>Channel-Call-State</c>, e.g. <c>RINGING</c>, <c>ACTIVE</c>.</summary>
    public string? CallState => this["Channel-Call-State"];

    /// <summary><c>Answer-State</c>: <c>ringing</c>, <c>early</c>, <c>answered</c> or <c>hangup</c>.</summary>
    public string? AnswerState => this["Answer-State"];

    /// <summary><c>Call-Direction</c>: <c>inbound</c> (a call from a phone) or <c>outbound</c> (a leg the switch created).</summary>
    public string? CallDirection => this["Call-Direction"];

    /// <summary>True for an inbound leg (an a-leg that arrived from a phone).</summary>
    public bool IsInbound => string.Equals(CallDirection, "inbound", StringComparison.OrdinalIgnoreCase);

    /// <summary>True once the channel is answered (<c>Answer-State: answered</c>).</summary>
    public bool IsAnswered => string.Equals(AnswerState, "answered", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>Caller-Caller-ID-Number</c>.</summary>
    public string? CallerIdNumber => this["Caller-Caller-ID-Number"];

    /// <summary><c>Caller-Caller-ID-Name</c>.</summary>
    public string? CallerIdName => this["Caller-Caller-ID-Name"];

    /// <summary><c>Caller-Destination-Number</c>: what the caller dialled.</summary>
    public string? DestinationNumber => this["Caller-Destination-Number"];

    /// <summary><c>Other-Leg-Unique-ID</c>: the peer leg, when there is one.</summary>
    public string? OtherLegUniqueId => this["Other-Leg-Unique-ID"];

    /// <summary><c>Channel-Call-UUID</c>: the call this leg belongs to.</summary>
    public string? CallUuid => this["Channel-Call-UUID"];
}
