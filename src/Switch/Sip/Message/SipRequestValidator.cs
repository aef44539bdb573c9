using System.Text;

namespace Switch.Sip.Message;

/// <summary>
/// Maps semantic problems of parsed messages to what RFC 3261 §8.2 / §16.3 prescribe (400 naming the fault, 505,
/// 416, 420 + Unsupported, 415 + Accept, 406, 513, 483), and builds the 400 for requests that did not parse.
/// </summary>
internal sealed class SipRequestValidator
{
    private readonly SipValidationOptions _options;

    public SipRequestValidator(SipValidationOptions? options = null)
    {
        _options = options ?? new SipValidationOptions();
    }

    public SipValidationOptions Options => _options;

    /// <summary>Validates a request the switch will handle itself (Max-Forwards 0 is fine for a UAS).</summary>
    public SipValidationResult Validate(SipRequest request) => Validate(request, willForward: false);

    /// <summary>Validates a request; with <paramref name="willForward"/> Max-Forwards 0 gets 483 (RFC 3261 §16.3).</summary>
    public SipValidationResult Validate(SipRequest request, bool willForward)
    {
        if (request.Version != "SIP/2.0")
        {
            return SipValidationResult.Reject(505);
        }

        if (request.Data.Length > _options.MaxMessageBytes)
        {
            return SipValidationResult.Reject(513);
        }

        if (CheckMandatory(request) is { } bad)
        {
            return bad;
        }

        var cseq = request.CSeq!.Value;
        if (cseq.Method != request.Method)
        {
            return SipValidationResult.Reject(400, "CSeq method does not match the Request-Line");
        }

        if (!_options.SupportedSchemes.Contains(request.RequestUriScheme))
        {
            return SipValidationResult.Reject(416);
        }

        if (request.RequestUriHasHeaders)
        {
            return SipValidationResult.Reject(400, "Request-URI must not contain headers");
        }

        if (request.IsAck || request.IsCancel)
        {
            return SipValidationResult.Accepted;
        }

        if (CheckRequire(request) is { } unsupported)
        {
            return unsupported;
        }

        if (request.Method == SipMethod.Register && !IsSipAddress(request.To))
        {
            return SipValidationResult.Reject(400, "To is not a SIP or SIPS address of record");
        }

        if (request.Method is SipMethod.Invite or SipMethod.Update or SipMethod.Prack && CheckBody(request) is { } media)
        {
            return media;
        }

        if (willForward && request.MaxForwards == 0)
        {
            return SipValidationResult.Reject(483);
        }

        return SipValidationResult.Accepted;
    }

    /// <summary>Responses the UAC core cannot handle are dropped (RFC 3261 §8.1.3.3, RFC 4475 §3.3.10).</summary>
    public SipValidationResult ValidateResponse(SipResponse response)
    {
        if (response.Version != "SIP/2.0" || response.CallId is null || response.CSeq is null || response.TopVia is null
            || response.CountHeaders(SipHeaderId.From) != 1 || response.CountHeaders(SipHeaderId.To) != 1
            || response.CountHeaders(SipHeaderId.CallId) != 1 || response.CountHeaders(SipHeaderId.CSeq) != 1
            || response.Vias.Count != 1)
        {
            return SipValidationResult.Dropped;
        }

        return SipValidationResult.Accepted;
    }

    /// <summary>
    /// The bytes of a stateless 400 for a request that failed to parse but whose Via was readable: its Via, From,
    /// To (tagged), Call-ID and CSeq are echoed raw; the reason phrase names the fault.
    /// </summary>
    public static byte[] CreateBadRequest(SipPartialRequest partial, string reason)
    {
        var sb = new StringBuilder(256);
        sb.Append("SIP/2.0 400 ").Append(SanitizeReason(reason)).Append("\r\n");
        foreach (var via in partial.Vias)
        {
            sb.Append("Via: ").Append(via).Append("\r\n");
        }

        Append(sb, SipHeaderNames.From, partial.From);
        if (partial.To is { } to)
        {
            sb.Append("To: ").Append(to);
            if (!to.Contains("tag=", StringComparison.OrdinalIgnoreCase))
            {
                sb.Append(";tag=").Append(SipIdentifiers.NewTag());
            }

            sb.Append("\r\n");
        }

        Append(sb, SipHeaderNames.CallId, partial.CallId);
        Append(sb, SipHeaderNames.CSeq, partial.CSeq);
        sb.Append("Content-Length: 0\r\n\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void Append(StringBuilder sb, string name, string? value)
    {
        if (value is not null)
        {
            sb.Append(name).Append(": ").Append(value).Append("\r\n");
        }
    }

    private static string SanitizeReason(string reason)
    {
        var chars = reason.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return chars.Length == 0 ? SipReasonPhrases.Get(400) : new string(chars);
    }

    private static SipValidationResult? CheckMandatory(SipRequest request)
    {
        ReadOnlySpan<SipHeaderId> required = [SipHeaderId.To, SipHeaderId.From, SipHeaderId.CallId, SipHeaderId.CSeq, SipHeaderId.Via];
        foreach (var id in required)
        {
            var count = request.CountHeaders(id);
            if (count == 0)
            {
                return SipValidationResult.Reject(400, "Missing " + SipHeaderNames.GetName(id) + " header");
            }

            if (count > 1 && id != SipHeaderId.Via)
            {
                return SipValidationResult.Reject(400, "Duplicate " + SipHeaderNames.GetName(id) + " header");
            }
        }

        if (request.CountHeaders(SipHeaderId.MaxForwards) > 1)
        {
            return SipValidationResult.Reject(400, "Duplicate Max-Forwards header");
        }

        return null;
    }

    private SipValidationResult? CheckRequire(SipRequest request)
    {
        List<string>? unknown = null;
        foreach (var tag in request.GetHeaderValues(SipHeaderNames.Require))
        {
            if (!_options.SupportedExtensions.Contains(tag))
            {
                (unknown ??= []).Add(tag);
            }
        }

        return unknown is null
            ? null
            : SipValidationResult.Reject(420, null, new SipHeader(SipHeaderNames.Unsupported, string.Join(", ", unknown)));
    }

    private SipValidationResult? CheckBody(SipRequest request)
    {
        var accept = request.GetHeaderValues(SipHeaderNames.Accept);
        if (accept.Count > 0 && !AcceptsSdp(accept))
        {
            return SipValidationResult.Reject(406, null, new SipHeader(SipHeaderNames.Warning, "399 switch \"Only application/sdp answers can be produced\""));
        }

        if (request.Body.IsEmpty)
        {
            return null;
        }

        var type = request.ContentType;
        var semi = type?.IndexOf(';', StringComparison.Ordinal) ?? -1;
        var media = (semi >= 0 ? type![..semi] : type)?.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (media is null || !_options.AcceptedContentTypes.Contains(media))
        {
            return SipValidationResult.Reject(415, null, new SipHeader(SipHeaderNames.Accept, string.Join(", ", _options.AcceptedContentTypes)));
        }

        return null;
    }

    private static bool AcceptsSdp(IReadOnlyList<string> accept)
    {
        foreach (var value in accept)
        {
            var semi = value.IndexOf(';', StringComparison.Ordinal);
            var media = (semi >= 0 ? value[..semi] : value).Trim();
            if (media is "*/*" or "application/*" || media.Equals("application/sdp", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSipAddress(SipNameAddr? address) => address is { IsWildcard: false } a && a.Uri.IsSip;
}
