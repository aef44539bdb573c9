using System.Buffers;

namespace Switch.Sip.Message;

/// <summary>
/// Allocation-free validation of SIP, SIPS, tel and other absolute URIs (RFC 3261 §19.1, §25.1; RFC 3966).
/// The caller passes exactly the URI's bytes.
/// </summary>
internal static class SipUriScanner
{
    private static readonly bool[] UserChars = Build("-_.!~*'()%&=+$,;?/");
    private static readonly bool[] PasswordChars = Build("-_.!~*'()%&=+$,");
    private static readonly bool[] HostChars = Build("-.");
    private static readonly bool[] HeaderChars = Build("-_.!~*'()%[]/?:+$=&");
    private static readonly bool[] OpaqueChars = Build("-_.!~*'()%;/?:@&=+$,[]#");
    private static readonly SearchValues<byte> UserValues = SipSyntax.ToSearchValues(UserChars);
    private static readonly SearchValues<byte> PasswordValues = SipSyntax.ToSearchValues(PasswordChars);
    private static readonly SearchValues<byte> HostValues = SipSyntax.ToSearchValues(HostChars);
    private static readonly SearchValues<byte> HeaderValues = SipSyntax.ToSearchValues(HeaderChars);
    private static readonly SearchValues<byte> OpaqueValues = SipSyntax.ToSearchValues(OpaqueChars);

    public static bool TryScan(ReadOnlySpan<byte> s, out SipUriParts parts, out string detail)
    {
        parts = new SipUriParts
        {
            User = TextSegment.None,
            Password = TextSegment.None,
            Host = TextSegment.None,
            Port = -1,
            Parameters = TextSegment.None,
            Headers = TextSegment.None,
        };
        detail = string.Empty;
        if (s.IsEmpty || !SipSyntax.IsAlpha(s[0]))
        {
            detail = "URI must start with a scheme";
            return false;
        }

        var colon = 1;
        while (colon < s.Length && (SipSyntax.IsAlpha(s[colon]) || SipSyntax.IsDigit(s[colon]) || s[colon] is (byte)'+' or (byte)'-' or (byte)'.'))
        {
            colon++;
        }

        if (colon >= s.Length || s[colon] != ':')
        {
            detail = "URI scheme is not followed by ':'";
            return false;
        }

        parts.Scheme = new TextSegment(0, colon);
        var scheme = s[..colon];
        var rest = colon + 1;
        if (System.Text.Ascii.EqualsIgnoreCase(scheme, "sip"u8) || System.Text.Ascii.EqualsIgnoreCase(scheme, "sips"u8))
        {
            parts.IsSip = true;
            return TryScanSip(s, rest, ref parts, out detail);
        }

        if (System.Text.Ascii.EqualsIgnoreCase(scheme, "tel"u8))
        {
            return TryScanTel(s, rest, ref parts, out detail);
        }

        if (rest >= s.Length)
        {
            detail = "URI has nothing after the scheme";
            return false;
        }

        if (s[rest..].IndexOfAnyExcept(OpaqueValues) >= 0)
        {
            detail = "URI contains a character that must be escaped";
            return false;
        }

        return true;
    }

    private static bool TryScanTel(ReadOnlySpan<byte> s, int i, ref SipUriParts parts, out string detail)
    {
        detail = string.Empty;
        var start = i;
        while (i < s.Length && s[i] != ';')
        {
            if (!PasswordChars[s[i]])
            {
                detail = "tel URI number contains an invalid character";
                return false;
            }

            i++;
        }

        if (i == start)
        {
            detail = "tel URI has no number";
            return false;
        }

        parts.User = new TextSegment(start, i - start);
        return TryScanParameters(s, i, ref parts, out detail);
    }

    private static bool TryScanSip(ReadOnlySpan<byte> s, int i, ref SipUriParts parts, out string detail)
    {
        detail = string.Empty;
        var at = s[i..].IndexOf((byte)'@');
        if (at >= 0)
        {
            at += i;
            var bad = s[i..at].IndexOfAnyExcept(UserValues);
            var userEnd = bad < 0 ? at : i + bad;
            if (userEnd < at && s[userEnd] != ':')
            {
                detail = "URI user part contains an invalid character";
                return false;
            }

            if (userEnd == i)
            {
                detail = "URI user part is empty";
                return false;
            }

            parts.User = new TextSegment(i, userEnd - i);
            if (userEnd < at)
            {
                if (s[(userEnd + 1)..at].IndexOfAnyExcept(PasswordValues) >= 0)
                {
                    detail = "URI password contains an invalid character";
                    return false;
                }

                parts.Password = new TextSegment(userEnd + 1, at - userEnd - 1);
            }

            i = at + 1;
        }

        var hostStart = i;
        if (i < s.Length && s[i] == '[')
        {
            i++;
            while (i < s.Length && (SipSyntax.IsHex(s[i]) || s[i] is (byte)':' or (byte)'.'))
            {
                i++;
            }

            if (i >= s.Length || s[i] != ']' || i == hostStart + 1)
            {
                detail = "URI IPv6 reference is not closed by ']'";
                return false;
            }

            i++;
        }
        else
        {
            i = SipSyntax.SkipWhile(s, i, HostValues);
        }

        if (i == hostStart)
        {
            detail = "URI host is missing";
            return false;
        }

        parts.Host = new TextSegment(hostStart, i - hostStart);
        if (i < s.Length && s[i] == ':')
        {
            i++;
            var portStart = i;
            var port = 0;
            while (i < s.Length && SipSyntax.IsDigit(s[i]) && i - portStart < 6)
            {
                port = (port * 10) + (s[i] - '0');
                i++;
            }

            if (i == portStart || port > 65535 || (i < s.Length && SipSyntax.IsDigit(s[i])))
            {
                detail = "URI port is not a number from 0 to 65535";
                return false;
            }

            parts.Port = port;
        }

        return TryScanParameters(s, i, ref parts, out detail);
    }

    private static bool TryScanParameters(ReadOnlySpan<byte> s, int i, ref SipUriParts parts, out string detail)
    {
        detail = string.Empty;
        var paramStart = i;
        while (i < s.Length && s[i] == ';')
        {
            if (!SipParameterScanner.TryRead(s, ref i, header: false, out _, out _))
            {
                detail = "URI parameter is empty or malformed";
                return false;
            }
        }

        if (i > paramStart)
        {
            parts.Parameters = new TextSegment(paramStart, i - paramStart);
        }

        if (i < s.Length && s[i] == '?')
        {
            var headerStart = i + 1;
            i++;
            i = SipSyntax.SkipWhile(s, i, HeaderValues);

            parts.Headers = new TextSegment(headerStart, i - headerStart);
        }

        if (i != s.Length)
        {
            detail = "URI contains an unexpected character";
            return false;
        }

        return true;
    }

    private static bool[] Build(string extra)
    {
        var t = new bool[256];
        for (var c = '0'; c <= '9'; c++)
        {
            t[c] = true;
        }

        for (var c = 'a'; c <= 'z'; c++)
        {
            t[c] = true;
            t[c - 32] = true;
        }

        foreach (var c in extra)
        {
            t[c] = true;
        }

        return t;
    }
}
