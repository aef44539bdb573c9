using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switch.Sip.Message;

/// <summary>
/// Parses one SIP message from bytes (RFC 3261 §7). The input is treated as a datagram: without Content-Length
/// the body runs to the end; bytes after Content-Length are ignored. Never throws for hostile input.
/// </summary>
internal static partial class SipMessageParser
{
    /// <summary>Upper bound on header lines in one message.</summary>
    public const int MaxHeaderCount = 256;

    private const string SipVersion20 = "SIP/2.0";

    /// <summary>Parses a message that keeps slices of <paramref name="input"/> (which must not change afterwards).</summary>
    public static bool TryParse(ReadOnlyMemory<byte> input, [NotNullWhen(true)] out SipMessage? message, out SipParseError error) =>
        TryParse(input, default, out message, out error);

    private static bool TryParse(ReadOnlyMemory<byte> input, in Arrival arrival, [NotNullWhen(true)] out SipMessage? message, out SipParseError error)
    {
        message = null;
        var s = input.Span;
        var pos = 0;
        while (pos + 1 < s.Length && s[pos] == '\r' && s[pos + 1] == '\n')
        {
            pos += 2;
        }

        if (SipSyntax.TrimLws(s[pos..]).IsEmpty)
        {
            error = new SipParseError(SipParseErrorKind.Empty, null, "message is empty");
            return false;
        }

        var lineLength = s[pos..].IndexOf("\r\n"u8);
        if (lineLength < 0)
        {
            error = new SipParseError(SipParseErrorKind.HeadersNotTerminated, null, "start line is not terminated by CRLF");
            return false;
        }

        var startLine = new TextSegment(pos, lineLength);
        var line = startLine.Of(s);
        var isResponse = line.StartsWith("SIP/"u8);
        string? method = null;
        var uriSegment = TextSegment.None;
        var uriParts = default(SipUriParts);
        string version;
        var status = 0;
        string? reason = null;
        if (isResponse)
        {
            if (!TryParseStatusLine(line, out version, out status, out reason, out error))
            {
                return false;
            }
        }
        else if (!TryParseRequestLine(line, out method, out uriSegment, out uriParts, out version, out error))
        {
            error = WithSalvage(input, startLine, error);
            return false;
        }

        var fields = ArrayPool<SipHeaderField>.Shared.Rent(32);
        try
        {
            var state = new HeaderState { ContentLength = -1 };
            var p = startLine.End + 2;
            if (!TryParseHeaders(input, ref p, ref fields, ref state, out var fieldCount, out error))
            {
                error = isResponse ? error : WithSalvage(input, startLine, error);
                return false;
            }

            var bodyStart = p;
            int bodyLength;
            if (state.ContentLength >= 0)
            {
                if (state.ContentLength > s.Length - bodyStart)
                {
                    error = new SipParseError(SipParseErrorKind.BodyTruncated, SipHeaderNames.ContentLength, "declared length exceeds the bytes received");
                    error = isResponse ? error : WithSalvage(input, startLine, error);
                    return false;
                }

                bodyLength = state.ContentLength;
            }
            else
            {
                bodyLength = s.Length - bodyStart;
            }

            var head = new Head(pos, startLine.Offset(-pos), version, method, uriSegment, status, reason, bodyStart, bodyLength);
            message = Materialize(input, fields.AsSpan(0, fieldCount), ref state, head, arrival);
            error = SipParseError.None;
            return true;
        }
        finally
        {
            ArrayPool<SipHeaderField>.Shared.Return(fields);
        }
    }

    /// <summary>Parses a request; false (with the error) for an invalid message or a response.</summary>
    public static bool TryParseRequest(ReadOnlyMemory<byte> input, [NotNullWhen(true)] out SipRequest? request, out SipParseError error)
    {
        request = null;
        if (!TryParse(input, out var message, out error))
        {
            return false;
        }

        request = message as SipRequest;
        if (request is null)
        {
            error = new SipParseError(SipParseErrorKind.InvalidStartLine, null, "message is a response");
        }

        return request is not null;
    }

    private static bool TryParseRequestLine(ReadOnlySpan<byte> line, out string? method, out TextSegment uri, out SipUriParts parts, out string version, out SipParseError error)
    {
        method = null;
        uri = TextSegment.None;
        parts = default;
        version = SipVersion20;
        var sp1 = line.IndexOf((byte)' ');
        var sp2 = line.LastIndexOf((byte)' ');
        if (sp1 <= 0)
        {
            error = new SipParseError(SipParseErrorKind.InvalidRequestLine, null, "Request-Line has no method");
            return false;
        }

        var methodBytes = line[..sp1];
        if (!SipSyntax.IsTokenSpan(methodBytes))
        {
            error = new SipParseError(SipParseErrorKind.InvalidMethod, null, "method is not a token");
            return false;
        }

        if (sp2 == sp1)
        {
            error = new SipParseError(SipParseErrorKind.InvalidRequestLine, null, "Request-Line has no SIP-Version");
            return false;
        }

        var versionBytes = line[(sp2 + 1)..];
        if (!TryParseVersion(versionBytes, out version))
        {
            error = new SipParseError(SipParseErrorKind.InvalidVersion, null, "Request-Line has a malformed SIP-Version");
            return false;
        }

        var uriBytes = line[(sp1 + 1)..sp2];
        if (uriBytes.IsEmpty || uriBytes.IndexOfAny((byte)' ', (byte)'\t') >= 0)
        {
            error = new SipParseError(SipParseErrorKind.InvalidRequestLine, null, "Request-Line has extra whitespace");
            return false;
        }

        if (!SipUriScanner.TryScan(uriBytes, out parts, out var detail))
        {
            error = new SipParseError(SipParseErrorKind.InvalidRequestUri, null, "Request-URI: " + detail);
            return false;
        }

        method = SipMethod.Intern(methodBytes);
        uri = new TextSegment(sp1 + 1, sp2 - sp1 - 1);
        error = SipParseError.None;
        return true;
    }

    private static bool TryParseStatusLine(ReadOnlySpan<byte> line, out string version, out int status, out string reason, out SipParseError error)
    {
        status = 0;
        reason = string.Empty;
        var sp1 = line.IndexOf((byte)' ');
        if (sp1 < 0 || !TryParseVersion(line[..sp1], out version))
        {
            version = SipVersion20;
            error = new SipParseError(SipParseErrorKind.InvalidStatusLine, null, "Status-Line has a malformed SIP-Version");
            return false;
        }

        var rest = line[(sp1 + 1)..];
        if (rest.Length < 3 || !SipSyntax.IsDigit(rest[0]) || !SipSyntax.IsDigit(rest[1]) || !SipSyntax.IsDigit(rest[2])
            || (rest.Length > 3 && rest[3] != ' '))
        {
            error = new SipParseError(SipParseErrorKind.InvalidStatusCode, null, "status code is not three digits");
            return false;
        }

        status = ((rest[0] - '0') * 100) + ((rest[1] - '0') * 10) + (rest[2] - '0');
        if (status is < 100 or > 699)
        {
            error = new SipParseError(SipParseErrorKind.InvalidStatusCode, null, "status code is outside 100-699");
            return false;
        }

        reason = rest.Length > 4 ? Encoding.UTF8.GetString(rest[4..]) : string.Empty;
        error = SipParseError.None;
        return true;
    }

    private static bool TryParseVersion(ReadOnlySpan<byte> v, out string version)
    {
        version = SipVersion20;
        if (v.SequenceEqual("SIP/2.0"u8))
        {
            return true;
        }

        if (v.Length < 7 || !System.Text.Ascii.EqualsIgnoreCase(v[..4], "SIP/"u8))
        {
            return false;
        }

        var dot = v.IndexOf((byte)'.');
        if (dot < 5 || dot == v.Length - 1)
        {
            return false;
        }

        foreach (var b in v[4..dot])
        {
            if (!SipSyntax.IsDigit(b))
            {
                return false;
            }
        }

        foreach (var b in v[(dot + 1)..])
        {
            if (!SipSyntax.IsDigit(b))
            {
                return false;
            }
        }

        version = Encoding.ASCII.GetString(v).ToUpperInvariant();
        return true;
    }
}
