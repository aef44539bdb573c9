using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Switch.Sip.Auth;

internal sealed partial record DigestCredentials
{
    /// <summary>
    /// Parses a header value such as <c>Digest username="1008",realm="x",nonce="...",uri="sip:x",
    /// response="...",cnonce="...",nc=00000001,qop=auth</c>. Parameters may come in any order, values may be
    /// tokens or quoted strings with backslash escapes, unknown parameters are ignored.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> value, [NotNullWhen(true)] out DigestCredentials? credentials,
        out DigestParseError error)
    {
        credentials = null;
        if (value.Length > MaxLength)
        {
            error = DigestParseError.TooLong;
            return false;
        }

        var pos = SkipWhitespace(value, 0);
        var schemeStart = pos;
        while (pos < value.Length && IsTokenChar(value[pos]))
        {
            pos++;
        }
        if (!value[schemeStart..pos].Equals("Digest", StringComparison.OrdinalIgnoreCase)
            || (pos < value.Length && !IsWhitespace(value[pos])))
        {
            error = DigestParseError.NotDigest;
            return false;
        }

        var fields = new Fields();
        error = ParseParameters(value, pos, ref fields);
        if (error != DigestParseError.None)
        {
            return false;
        }
        return Build(value, ref fields, out credentials, out error);
    }

    private static DigestParseError ParseParameters(ReadOnlySpan<char> value, int pos, ref Fields fields)
    {
        var any = false;
        while (true)
        {
            pos = SkipWhitespace(value, pos);
            while (pos < value.Length && value[pos] == ',')
            {
                pos = SkipWhitespace(value, pos + 1);
            }
            if (pos >= value.Length)
            {
                return any ? DigestParseError.None : DigestParseError.MissingParameter;
            }

            var nameStart = pos;
            while (pos < value.Length && IsTokenChar(value[pos]))
            {
                pos++;
            }
            if (pos == nameStart)
            {
                return DigestParseError.Malformed;
            }
            var name = value[nameStart..pos];
            pos = SkipWhitespace(value, pos);
            if (pos >= value.Length || value[pos] != '=')
            {
                return DigestParseError.Malformed;
            }
            pos = SkipWhitespace(value, pos + 1);

            Slice parsed;
            if (pos < value.Length && value[pos] == '"')
            {
                if (!TryReadQuoted(value, ref pos, out parsed))
                {
                    return DigestParseError.Malformed;
                }
            }
            else
            {
                var valueStart = pos;
                while (pos < value.Length && IsTokenChar(value[pos]))
                {
                    pos++;
                }
                if (pos == valueStart)
                {
                    return DigestParseError.Malformed;
                }
                parsed = new Slice(valueStart, pos - valueStart, false);
            }

            pos = SkipWhitespace(value, pos);
            if (pos < value.Length && value[pos] != ',')
            {
                return DigestParseError.Malformed;
            }
            if (!fields.Set(name, parsed))
            {
                return DigestParseError.DuplicateParameter;
            }
            any = true;
        }
    }

    private static bool Build(ReadOnlySpan<char> value, ref Fields f, [NotNullWhen(true)] out DigestCredentials? credentials, out DigestParseError error)
    {
        credentials = null;
        if (!f.Username.IsSet || !f.Realm.IsSet || !f.Nonce.IsSet || !f.Uri.IsSet || !f.Response.IsSet)
        {
            error = DigestParseError.MissingParameter;
            return false;
        }

        var algorithm = DigestAlgorithm.Md5;
        if (f.Algorithm.IsSet && !TryParseAlgorithm(Text(value, f.Algorithm, out _), out algorithm))
        {
            error = DigestParseError.UnsupportedAlgorithm;
            return false;
        }

        uint nc = 0;
        string? qop = null;
        string? ncText = null;
        if (f.Qop.IsSet)
        {
            if (!Text(value, f.Qop, out _).Equals("auth", StringComparison.OrdinalIgnoreCase))
            {
                error = DigestParseError.UnsupportedQop;
                return false;
            }
            qop = "auth";
            if (!f.Cnonce.IsSet || !f.Nc.IsSet)
            {
                error = DigestParseError.MissingParameter;
                return false;
            }
            var ncSpan = Text(value, f.Nc, out var ncString);
            if (ncSpan.Length != 8 || !uint.TryParse(ncSpan, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out nc))
            {
                error = DigestParseError.InvalidNonceCount;
                return false;
            }
            ncText = ncString ?? (ncSpan.SequenceEqual(FirstNonceCount) ? FirstNonceCount : ncSpan.ToString());
        }
        else if ((algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess) && !f.Cnonce.IsSet)
        {
            error = DigestParseError.MissingParameter;
            return false;
        }

        credentials = new DigestCredentials
        {
            Username = String(value, f.Username)!,
            Realm = String(value, f.Realm)!,
            Nonce = String(value, f.Nonce)!,
            Uri = String(value, f.Uri)!,
            Response = String(value, f.Response)!,
            Algorithm = algorithm,
            AlgorithmGiven = f.Algorithm.IsSet,
            Cnonce = String(value, f.Cnonce),
            Qop = qop,
            NonceCountText = ncText,
            NonceCount = nc,
            Opaque = String(value, f.Opaque),
            UserHash = f.UserHash.IsSet && Text(value, f.UserHash, out _).Equals("true", StringComparison.OrdinalIgnoreCase),
        };
        error = DigestParseError.None;
        return true;
    }

    /// <summary>The nc of a nonce's first use, by far the most common one.</summary>
    private const string FirstNonceCount = "00000001";

    /// <summary>A parameter's value: a slice of the header, or for a quoted string with escapes a new string.</summary>
    private static ReadOnlySpan<char> Text(ReadOnlySpan<char> value, Slice slice, out string? unescaped)
    {
        var raw = value.Slice(slice.Start, slice.Length);
        if (!slice.Escaped)
        {
            unescaped = null;
            return raw;
        }

        Span<char> buffer = raw.Length <= 512 ? stackalloc char[raw.Length] : new char[raw.Length];
        var n = 0;
        for (var j = 0; j < raw.Length; j++)
        {
            if (raw[j] == '\\' && j + 1 < raw.Length)
            {
                j++;
            }
            buffer[n++] = raw[j];
        }
        unescaped = new string(buffer[..n]);
        return unescaped;
    }

    private static string? String(ReadOnlySpan<char> value, Slice slice)
    {
        if (!slice.IsSet)
        {
            return null;
        }

        var text = Text(value, slice, out var unescaped);
        return unescaped ?? text.ToString();
    }

    /// <summary>Maps an algorithm token (case-insensitive) to the enum.</summary>
    public static bool TryParseAlgorithm(ReadOnlySpan<char> token, out DigestAlgorithm algorithm)
    {
        if (token.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Md5;
        }
        else if (token.Equals("SHA-256", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha256;
        }
        else if (token.Equals("MD5-sess", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Md5Sess;
        }
        else if (token.Equals("SHA-256-sess", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha256Sess;
        }
        else
        {
            algorithm = default;
            return false;
        }
        return true;
    }

    private static bool TryReadQuoted(ReadOnlySpan<char> value, ref int pos, out Slice result)
    {
        // pos is at the opening quote.
        var start = pos + 1;
        var i = start;
        var escaped = false;
        while (i < value.Length)
        {
            var c = value[i];
            if (c == '\\')
            {
                escaped = true;
                i += 2;
                continue;
            }
            if (c == '"')
            {
                break;
            }
            i++;
        }
        if (i >= value.Length)
        {
            result = default;
            return false;
        }
        pos = i + 1;
        result = new Slice(start, i - start, escaped);
        return true;
    }

    private static int SkipWhitespace(ReadOnlySpan<char> value, int pos)
    {
        while (pos < value.Length && IsWhitespace(value[pos]))
        {
            pos++;
        }
        return pos;
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>RFC 3261 token characters.</summary>
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    /// <summary>Where a parameter's value is in the header (inside the quotes for a quoted string).</summary>
    private readonly record struct Slice(int Start, int Length, bool Escaped)
    {
        /// <summary>Values start after the scheme, so the default (start 0) means absent.</summary>
        public bool IsSet => Start > 0;
    }

    private struct Fields
    {
        public Slice Username, Realm, Nonce, Uri, Response, Algorithm, Cnonce, Qop, Nc, Opaque, UserHash;

        /// <summary>Stores a known parameter; false when it was already set. Unknown names are ignored.</summary>
        public bool Set(ReadOnlySpan<char> name, Slice value) => name.Length switch
        {
            2 when name.Equals("nc", StringComparison.OrdinalIgnoreCase) => Assign(ref Nc, value),
            3 when name.Equals("uri", StringComparison.OrdinalIgnoreCase) => Assign(ref Uri, value),
            3 when name.Equals("qop", StringComparison.OrdinalIgnoreCase) => Assign(ref Qop, value),
            5 when name.Equals("realm", StringComparison.OrdinalIgnoreCase) => Assign(ref Realm, value),
            5 when name.Equals("nonce", StringComparison.OrdinalIgnoreCase) => Assign(ref Nonce, value),
            6 when name.Equals("cnonce", StringComparison.OrdinalIgnoreCase) => Assign(ref Cnonce, value),
            6 when name.Equals("opaque", StringComparison.OrdinalIgnoreCase) => Assign(ref Opaque, value),
            8 when name.Equals("username", StringComparison.OrdinalIgnoreCase) => Assign(ref Username, value),
            8 when name.Equals("response", StringComparison.OrdinalIgnoreCase) => Assign(ref Response, value),
            8 when name.Equals("userhash", StringComparison.OrdinalIgnoreCase) => Assign(ref UserHash, value),
            9 when name.Equals("algorithm", StringComparison.OrdinalIgnoreCase) => Assign(ref Algorithm, value),
            _ => true,
        };

        private static bool Assign(ref Slice slot, Slice value)
        {
            if (slot.IsSet)
            {
                return false;
            }
            slot = value;
            return true;
        }
    }
}
