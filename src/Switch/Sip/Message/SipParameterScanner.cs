using System.Text;

namespace Switch.Sip.Message;

/// <summary>Scans <c>;name[=value]</c> sequences in URIs (no LWS) and in header values (LWS allowed around ';' and '=').</summary>
internal static class SipParameterScanner
{
    private static readonly bool[] UriParamChars = BuildUriParamChars();
    private static readonly System.Buffers.SearchValues<byte> UriParamValues = SipSyntax.ToSearchValues(UriParamChars);
    private static readonly System.Buffers.SearchValues<byte> HeaderValueValues = BuildHeaderValueValues();

    /// <summary>
    /// Reads one parameter; <paramref name="i"/> must point at ';' (after any LWS when <paramref name="header"/>).
    /// On success <paramref name="i"/> is after the parameter (before trailing LWS).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> s, ref int i, bool header, out TextSegment name, out TextSegment value)
    {
        name = TextSegment.None;
        value = TextSegment.None;
        var p = i + 1;
        if (header)
        {
            p = SipSyntax.SkipLws(s, p);
        }

        var nameStart = p;
        p = header ? SipSyntax.SkipToken(s, p) : SkipUriChars(s, p);
        if (p == nameStart)
        {
            return false;
        }

        name = new TextSegment(nameStart, p - nameStart);
        var q = header ? SipSyntax.SkipLws(s, p) : p;
        if (q < s.Length && s[q] == '=')
        {
            q++;
            if (header)
            {
                q = SipSyntax.SkipLws(s, q);
            }

            var valueStart = q;
            if (header && q < s.Length && s[q] == '"')
            {
                q = SipSyntax.SkipQuoted(s, q);
                if (q < 0)
                {
                    return false;
                }
            }
            else if (header)
            {
                q = SipSyntax.SkipWhile(s, q, HeaderValueValues);
            }
            else
            {
                q = SkipUriChars(s, q);
            }

            if (q == valueStart)
            {
                return false;
            }

            value = new TextSegment(valueStart, q - valueStart);
            p = q;
        }

        i = p;
        return true;
    }

    /// <summary>Validates a whole parameter run (starting at ';' or empty) and returns the list.</summary>
    public static bool TryParseAll(ReadOnlySpan<byte> s, bool header, out SipParameter[] parameters)
    {
        parameters = [];
        if (s.IsEmpty)
        {
            return true;
        }

        var list = new List<SipParameter>(4);
        var i = header ? SipSyntax.SkipLws(s, 0) : 0;
        while (i < s.Length)
        {
            if (s[i] != ';' || !TryRead(s, ref i, header, out var n, out var v))
            {
                return false;
            }

            list.Add(new SipParameter(Encoding.UTF8.GetString(n.Of(s)), v.IsPresent ? Encoding.UTF8.GetString(v.Of(s)) : null));
            if (header)
            {
                i = SipSyntax.SkipLws(s, i);
            }
        }

        parameters = [.. list];
        return true;
    }

    public static int SkipUriChars(ReadOnlySpan<byte> s, int i) => SipSyntax.SkipWhile(s, i, UriParamValues);

    private static System.Buffers.SearchValues<byte> BuildHeaderValueValues()
    {
        var t = new bool[256];
        for (var b = 0; b < 256; b++)
        {
            t[b] = SipSyntax.IsToken((byte)b) || b is ':' or '[' or ']';
        }

        return SipSyntax.ToSearchValues(t);
    }

    public static string? Find(IReadOnlyList<SipParameter> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (string.Equals(parameters[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameters[i].Value ?? string.Empty;
            }
        }

        return null;
    }

    // unreserved marks, escaped '%', param-unreserved
    private static bool[] BuildUriParamChars() => SipSyntax.AlphanumericPlus("-_.!~*'()%[]/:&+$");
}
