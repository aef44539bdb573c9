namespace Switch.Media;

/// <summary>How a bridge carries RFC 4733 DTMF from one leg to the other.</summary>
internal enum DtmfRelayMode
{
    /// <summary>Forward telephone-event packets (payload type and timing rewritten for the other leg).</summary>
    Passthrough,

    /// <summary>Detect digits on one leg and send fresh events (or in-band tones) on the other.</summary>
    Regenerate,
}
