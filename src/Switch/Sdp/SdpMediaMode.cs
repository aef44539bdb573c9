namespace Switch.Sdp;

/// <summary>How the switch treats media between two legs.</summary>
internal enum SdpMediaMode
{
    /// <summary>RTP flows through the switch (default): SDP carries the switch's address and ports.</summary>
    Anchored,

    /// <summary>RTP flows end to end: SDP passes through unchanged.</summary>
    Bypass,
}
