namespace Switch.Sip.Message;

/// <summary>Allocation-free scanner for Via values (RFC 3261 §20.42, RFC 3581), tolerant of LWS around '/' ';' '='.</summary>
internal static class SipViaScanner
{
    public static bool TryScan(ReadOnlySpan<byte> s, ref int i, out SipViaParts parts, out string detail)
    {
        parts = new SipViaParts
        {
            Port = -1,
            Parameters = TextSegment.None,
            Branch = TextSegment.None,
            Received = TextSegment.None,
            RPort = TextSegment.None,
        };
        detail = string.Empty;
        var p = SipSyntax.SkipLws(s, i);
        var start = p;
        if (!TryToken(s, ref p, out parts.ProtocolName) || !TrySlash(s, ref p)
            || !TryToken(s, ref p, out parts.ProtocolVersion) || !TrySlash(s, ref p)
            || !TryToken(s, ref p, out parts.Transport))
        {
            detail = "sent-protocol is not name/version/transport";
            return false;
        }

        var afterProtocol = p;
        p = SipSyntax.SkipLws(s, p);
        if (p == afterProtocol)
        {
            detail = "sent-protocol is not followed by whitespace";
            return false;
        }

        var hostStart = p;
        if (p < s.Length && s[p] == '[')
        {
            var close = s[p..].IndexOf((byte)']');
            if (close < 2)
            {
                detail = "sent-by IPv6 reference is not closed";
                return false;
            }

            p += close + 1;
        }
        else
        {
            p = SipSyntax.SkipWhile(s, p, SipSyntax.HostnameValues);
        }

        if (p == hostStart)
        {
            detail = "sent-by host is missing";
            return false;
        }

        parts.Host = new TextSegment(hostStart, p - hostStart);
        var q = SipSyntax.SkipLws(s, p);
        if (q < s.Length && s[q] == ':')
        {
            q = SipSyntax.SkipLws(s, q + 1);
            var portStart = q;
            var port = 0;
            while (q < s.Length && SipSyntax.IsDigit(s[q]) && q - portStart < 6)
            {
                port = (port * 10) + (s[q] - '0');
                q++;
            }

            if (q == portStart || port > 65535)
            {
                detail = "sent-by port is not a number from 0 to 65535";
                return false;
            }

            parts.Port = port;
            p = q;
        }

        var end = p;
        p = SipSyntax.SkipLws(s, p);
        var paramStart = p;
        while (p < s.Length && s[p] == ';')
        {
            if (!SipParameterScanner.TryRead(s, ref p, header: true, out var name, out var value))
            {
                detail = "parameter is empty or malformed";
                return false;
            }

            var n = name.Of(s);
            if (System.Text.Ascii.EqualsIgnoreCase(n, "branch"u8))
            {
                parts.Branch = value.IsPresent ? value : new TextSegment(name.End, 0);
            }
            else if (System.Text.Ascii.EqualsIgnoreCase(n, "received"u8))
            {
                parts.Received = value;
            }
            else if (System.Text.Ascii.EqualsIgnoreCase(n, "rport"u8))
            {
                parts.HasRPort = true;
                parts.RPort = value;
                if (value.IsPresent && (!SipSyntax.TryParseUInt32(value.Of(s), out var rport) || rport > 65535))
                {
                    detail = "rport is not a port number";
                    return false;
                }
            }

            end = p;
            p = SipSyntax.SkipLws(s, p);
        }

        if (end > paramStart && paramStart < s.Length && s[paramStart] == ';')
        {
            parts.Parameters = new TextSegment(paramStart, end - paramStart);
        }

        if (p < s.Length && s[p] != ',')
        {
            detail = "unexpected character in Via";
            return false;
        }

        parts.Element = new TextSegment(start, end - start);
        i = p;
        return true;
    }

    public static bool TryValidate(ReadOnlySpan<byte> s, out int count, out string detail)
    {
        count = 0;
        var i = 0;
        while (true)
        {
            if (!TryScan(s, ref i, out _, out detail))
            {
                return false;
            }

            count++;
            if (i >= s.Length)
            {
                return true;
            }

            i++;
        }
    }

    private static bool TryToken(ReadOnlySpan<byte> s, ref int p, out TextSegment token)
    {
        var start = p;
        p = SipSyntax.SkipToken(s, p);
        token = new TextSegment(start, p - start);
        return p > start;
    }

    private static bool TrySlash(ReadOnlySpan<byte> s, ref int p)
    {
        var q = SipSyntax.SkipLws(s, p);
        if (q >= s.Length || s[q] != '/')
        {
            return false;
        }

        p = SipSyntax.SkipLws(s, q + 1);
        return true;
    }
}
