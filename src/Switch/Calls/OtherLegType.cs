namespace Switch.Calls;

/// <summary>How a channel relates to its other leg, printed as Other-Type.</summary>
internal enum OtherLegType : byte
{
    None,

    /// <summary>The other leg created this one (set on b-legs; Other-Leg-* describes the a-leg).</summary>
    Originator,

    /// <summary>This leg created the other one (set on a-legs once the peer exists).</summary>
    Originatee,
}
