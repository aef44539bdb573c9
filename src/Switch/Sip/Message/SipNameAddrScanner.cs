namespace Switch.Sip.Message;

/// <summary>
/// Allocation-free scanner for <c>(name-addr / addr-spec) *(SEMI param)</c> elements as used by From, To, Contact,
/// Route and Record-Route (RFC 3261 §20.10, §25.1).
/// </summary>
internal static class SipNameAddrScanner
{
    /// <summary>
    /// Scans one element starting at <paramref name="i"/>; on success <paramref name="i"/> is at the ',' that ends it
    /// (when <paramref name="list"/>) or at the end of <paramref name="s"/>.
    /// </summary>
    public static bool TryScan(ReadOnlySpan<byte> s, ref int i, bool list, bool allowWildcard, out SipNameAddrParts parts, out string detail)
    {
        parts = new SipNameAddrParts
        {
            DisplayName = TextSegment.None,
            Uri = TextSegment.None,
            Parameters = TextSegment.None,
            Tag = TextSegment.None,
        };
        detail = string.Empty;
        var p = SipSyntax.SkipLws(s, i);
        var elementStart = p;
        if (p >= s.Length)
        {
            detail = "value is empty";
            return false;
        }

        if (s[p] == '*' && allowWildcard)
        {
            p = SipSyntax.SkipLws(s, p + 1);
            if (p < s.Length && s[p] != ',')
            {
                detail = "'*' must stand alone";
                return false;
            }

            parts.IsWildcard = true;
            parts.Element = new TextSegment(elementStart, 1);
            i = p;
            return true;
        }

        int uriStart;
        int uriEnd;
        var angle = false;
        if (s[p] == '"')
        {
            var q = SipSyntax.SkipQuoted(s, p);
            if (q < 0)
            {
                detail = "display name has an unterminated quoted string";
                return false;
            }

            parts.DisplayName = new TextSegment(p, q - p);
            p = SipSyntax.SkipLws(s, q);
            if (p >= s.Length || s[p] != '<')
            {
                detail = "quoted display name is not followed by '<'";
                return false;
            }

            angle = true;
        }
        else if (s[p] != '<')
        {
            // Either a token display name followed by '<' or an addr-spec.
            var q = p;
            var lastTokenEnd = p;
            while (q < s.Length)
            {
                var t = SipSyntax.SkipToken(s, q);
                if (t == q)
                {
                    break;
                }

                lastTokenEnd = t;
                q = SipSyntax.SkipLws(s, t);
            }

            if (q < s.Length && s[q] == '<' && lastTokenEnd > p)
            {
                parts.DisplayName = new TextSegment(p, lastTokenEnd - p);
                p = q;
                angle = true;
            }
        }
        else
        {
            angle = true;
        }

        if (angle)
        {
            uriStart = p + 1;
            var close = s[uriStart..].IndexOf((byte)'>');
            if (close < 0)
            {
                detail = "'<' is not closed by '>'";
                return false;
            }

            uriEnd = uriStart + close;
            p = uriEnd + 1;
        }
        else
        {
            uriStart = p;
            while (p < s.Length && s[p] is not ((byte)';' or (byte)',') && !SipSyntax.IsLws(s[p]))
            {
                if (s[p] == '?')
                {
                    detail = "a URI with headers or ';' ',' '?' must be enclosed in '<' '>'";
                    return false;
                }

                p++;
            }

            uriEnd = p;
        }

        parts.Uri = new TextSegment(uriStart, uriEnd - uriStart);
        if (!SipUriScanner.TryScan(s[uriStart..uriEnd], out parts.UriParts, out detail))
        {
            return false;
        }

        p = SipSyntax.SkipLws(s, p);
        var paramStart = p;
        var paramEnd = p;
        while (p < s.Length && s[p] == ';')
        {
            if (!SipParameterScanner.TryRead(s, ref p, header: true, out var name, out var value))
            {
                detail = "parameter is empty or malformed";
                return false;
            }

            if (name.Length == 3 && System.Text.Ascii.EqualsIgnoreCase(name.Of(s), "tag"u8))
            {
                if (!value.IsPresent)
                {
                    detail = "tag parameter has no value";
                    return false;
                }

                parts.Tag = value;
            }

            paramEnd = p;
            p = SipSyntax.SkipLws(s, p);
        }

        if (paramEnd > paramStart)
        {
            parts.Parameters = new TextSegment(paramStart, paramEnd - paramStart);
        }

        var elementEnd = paramEnd > paramStart ? paramEnd : (angle ? uriEnd + 1 : uriEnd);
        parts.Element = new TextSegment(elementStart, elementEnd - elementStart);
        if (p < s.Length && !(list && s[p] == ','))
        {
            detail = "unexpected character after the address";
            return false;
        }

        i = p;
        return true;
    }

    /// <summary>Validates a whole (possibly comma-separated) header value; counts its elements.</summary>
    public static bool TryValidate(ReadOnlySpan<byte> s, bool list, bool allowWildcard, out int count, out string detail)
    {
        count = 0;
        var i = 0;
        while (true)
        {
            if (!TryScan(s, ref i, list, allowWildcard, out _, out detail))
            {
                return false;
            }

            count++;
            if (i >= s.Length)
            {
                return true;
            }

            i++; // ','
        }
    }
}
