namespace Switch.Calls;

/// <summary>
/// Where a leg's protocol side reports what the far end did. Implemented by the call engine, which posts
/// each report to the mailbox of the call owning the leg; safe to call from any thread.
/// </summary>
internal interface ILegEvents
{
    /// <summary>An outbound leg is ringing (180) or has early media (183 with SDP).</summary>
    void Progress(string uuid, bool earlyMedia, IReadOnlyList<KeyValuePair<string, string>>? variables = null);

    /// <summary>An outbound leg answered (200, ACK sent).</summary>
    void Answered(string uuid, IReadOnlyList<KeyValuePair<string, string>>? variables = null);

    /// <summary>
    /// The far end ended the leg (BYE, CANCEL, a failure response, a timeout). <paramref name="variables"/>
    /// carries protocol details such as sip_term_status or sip_hangup_disposition to set on the channel.
    /// </summary>
    void Ended(string uuid, HangupCause cause, IReadOnlyList<KeyValuePair<string, string>>? variables = null);

    /// <summary>A DTMF digit arrived from the far end (duration in 8 kHz samples; source as FreeSWITCH names it, e.g. RTP).</summary>
    void Dtmf(string uuid, char digit, int durationSamples, string source);

    /// <summary>
    /// Runs protocol work on the mailbox of the call owning the leg (e.g. relaying a re-INVITE to the bridged
    /// leg, which must not happen on a transport thread). False when the leg is gone.
    /// </summary>
    bool Post(string uuid, Func<ValueTask> work);
}
