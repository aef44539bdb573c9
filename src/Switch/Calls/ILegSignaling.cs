namespace Switch.Calls;

/// <summary>
/// The protocol side of one leg (SIP dialog and media in production; a script in tests). A call invokes it
/// from its mailbox, so every method sends and returns without waiting for the far end: what the far end
/// does later (ACK timeout, BYE, CANCEL, progress, answer) comes back through <see cref="ILegEvents"/>.
/// </summary>
internal interface ILegSignaling
{
    /// <summary>Outbound leg: sends the INVITE. Progress, answer or failure come back through <see cref="ILegEvents"/>.</summary>
    ValueTask InviteAsync(CancellationToken cancellationToken);

    /// <summary>Inbound leg: 180 Ringing.</summary>
    ValueTask RingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inbound leg: 183 Session Progress with the switch's SDP. <paramref name="peer"/> is the ringing leg
    /// whose early media or ringback this leg will hear, when known (its codec is preferred). False when early
    /// media is impossible.
    /// </summary>
    ValueTask<bool> PreAnswerAsync(ILegSignaling? peer, CancellationToken cancellationToken);

    /// <summary>
    /// Inbound leg: 183 like <see cref="PreAnswerAsync"/>, but the leg hears the switch's ringback even when
    /// <paramref name="peer"/> has early media (FreeSWITCH's <c>ignore_early_media=true</c>). Legs without a
    /// ringback of their own pre-answer as <see cref="PreAnswerAsync"/> does.
    /// </summary>
    ValueTask<bool> PreAnswerWithRingbackAsync(ILegSignaling? peer, CancellationToken cancellationToken) =>
        PreAnswerAsync(peer, cancellationToken);

    /// <summary>
    /// Inbound leg, before a pre-answer: the channel's <c>ringback</c> variable (a tone spec such as
    /// <c>%(2000,4000,440,480)</c> or a file), or null for the switch's default ringback.
    /// </summary>
    void UseRingback(string? ringback)
    {
    }

    /// <summary>
    /// Inbound leg: 200 OK with the switch's SDP. <paramref name="peer"/> is the leg it is about to be bridged
    /// with, when known (its codec is preferred; with bypassed media its SDP is used). False when the leg
    /// cannot be answered (then the call hangs it up).
    /// </summary>
    ValueTask<bool> AnswerAsync(ILegSignaling? peer, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the leg with this cause: BYE once answered, CANCEL for an unanswered outbound leg, a final
    /// response (cause mapped to a status) for an unanswered inbound leg. Called once per leg, never for a
    /// leg whose far end already ended it.
    /// </summary>
    ValueTask HangupAsync(HangupCause cause, CancellationToken cancellationToken);

    /// <summary>
    /// The cause the far end ended the leg with when it already did (its report may still be queued), else
    /// null. A failed Ring/PreAnswer/Answer on such a leg is not the switch's doing.
    /// </summary>
    HangupCause? FarEndCause { get; }

    /// <summary>
    /// Variables the protocol side learned since last asked (negotiated codec: read_codec, write_rate, ...),
    /// copied onto the channel right after Ring/PreAnswer/Answer; null when there are none.
    /// </summary>
    IReadOnlyList<KeyValuePair<string, string>>? TakeVariables();

    /// <summary>
    /// The leg's RTP counters as channel variables (rtp_audio_in_raw_bytes, rtp_audio_out_packet_count, ...),
    /// taken once at hangup, also after the media was released; null when the leg had no media.
    /// </summary>
    IReadOnlyList<KeyValuePair<string, string>>? TakeMediaStatistics();

    /// <summary>
    /// Plays a file or tone to the leg (<c>tone_stream://</c>, <c>silence_stream://</c>, a WAV path).
    /// <paramref name="onCompleted"/> runs once, on any thread, with FreeSWITCH's Application-Response
    /// (FILE PLAYED, FILE NOT FOUND, PLAYBACK ERROR) and whether it was stopped early. False when the leg
    /// has no media to play on. <paramref name="loops"/>: how many times (<c>Switch.Media.Playback.Endless</c>
    /// until stopped).
    /// </summary>
    bool TryStartPlayback(string source, Action<string, bool> onCompleted, int loops = 1);

    /// <summary>Stops the playback in progress, if any (uuid_break, hangup).</summary>
    void StopPlayback();

    /// <summary>Echo application: sends the far end's audio back to it. False when the leg has no media.</summary>
    bool TryStartEcho();

    /// <summary>Ends the echo, if any (uuid_break, hangup, bridge).</summary>
    void StopEcho();

    /// <summary>
    /// Starts recording both directions of the leg to a WAV file (replacing a recording in progress).
    /// False, with a reason, when the leg has no media or the file cannot be created.
    /// </summary>
    bool TryStartRecording(string path, out string? error);

    /// <summary>Stops the recording in progress; false when there is none.</summary>
    bool StopRecording();

    /// <summary>Sends DTMF digits to the far end (RFC 4733). False when the leg has no media.</summary>
    bool SendDtmf(string digits);

    /// <summary>Connects this leg's media with the peer's (RTP relay) once the legs are bridged.</summary>
    ValueTask BridgeAsync(ILegSignaling peer, CancellationToken cancellationToken);

    /// <summary>Disconnects the media from the peer when the bridge ends.</summary>
    ValueTask UnbridgeAsync(CancellationToken cancellationToken);
}
