namespace Switch.Sip.Message;

/// <summary>
/// Result of <see cref="SipRequestValidator"/>: the verdict, the status and reason phrase to answer with, and
/// headers the answer must carry (Unsupported for 420, Accept for 415...).
/// </summary>
internal sealed record SipValidationResult(SipValidationVerdict Verdict, int Status = 0, string? Reason = null, IReadOnlyList<SipHeader>? Headers = null)
{
    public static readonly SipValidationResult Accepted = new(SipValidationVerdict.Accept);

    public static readonly SipValidationResult Dropped = new(SipValidationVerdict.Drop);

    public bool IsAccepted => Verdict == SipValidationVerdict.Accept;

    public static SipValidationResult Reject(int status, string? reason = null, params SipHeader[] headers) =>
        new(SipValidationVerdict.Reject, status, reason ?? SipReasonPhrases.Get(status), headers);

    /// <summary>The rejection response for <paramref name="request"/> (RFC 3261 §8.2.6).</summary>
    public SipResponse CreateResponse(SipRequest request, string? toTag = null)
    {
        if (Verdict != SipValidationVerdict.Reject)
        {
            throw new InvalidOperationException("Only a rejection has a response.");
        }

        var builder = SipResponse.BuilderFor(request, Status, Reason, toTag ?? SipIdentifiers.NewTag());
        foreach (var header in Headers ?? [])
        {
            _ = builder.AddHeader(header.Name, header.Value);
        }

        return builder.BuildResponse();
    }
}
