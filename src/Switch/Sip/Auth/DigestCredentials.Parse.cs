using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

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
        return Build(ref fields, out credentials, out error);
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

            string parsed;
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
                parsed = value[valueStart..pos].ToString();
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

    private static bool Build(ref Fields f, [NotNullWhen(true)] out DigestCredentials? credentials, out DigestParseError error)
    {
        credentials = null;
        if (f.Username is null || f.Realm is null || f.Nonce is null || f.Uri is null || f.Response is null)
        {
            error = DigestParseError.MissingParameter;
            return false;
        }

        var algorithm = DigestAlgorithm.Md5;
        if (f.Algorithm is not null && !TryParseAlgorithm(f.Algorithm, out algorithm))
        {
            error = DigestParseError.UnsupportedAlgorithm;
            return false;
        }

        uint nc = 0;
        string? qop = null;
        if (f.Qop is not null)
        {
            if (!f.Qop.Equals("auth", StringComparison.OrdinalIgnoreCase))
            {
                error = DigestParseError.UnsupportedQop;
                return false;
            }
            qop = "auth";
            if (f.Cnonce is null || f.Nc is null)
            {
                error = DigestParseError.MissingParameter;
                return false;
            }
            if (f.Nc.Length != 8 || !uint.TryParse(f.Nc, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out nc))
            {
                error = DigestParseError.InvalidNonceCount;
                return false;
            }
        }
        else if ((algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess) && f.Cnonce is null)
        {
            error = DigestParseError.MissingParameter;
            return false;
        }

        credentials = new DigestCredentials
        {
            Username = f.Username,
            Realm = f.Realm,
            Nonce = f.Nonce,
            Uri = f.Uri,
            Response = f.Response,
            Algorithm = algorithm,
            AlgorithmGiven = f.Algorithm is not null,
            Cnonce = f.Cnonce,
            Qop = qop,
            NonceCountText = qop is null ? null : f.Nc,
            NonceCount = nc,
            Opaque = f.Opaque,
            UserHash = f.UserHash is not null && f.UserHash.Equals("true", StringComparison.OrdinalIgnoreCase),
        };
        error = DigestParseError.None;
        return true;
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

    private static bool TryReadQuoted(ReadOnlySpan<char> value, ref int pos, out string result)
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
            result = string.Empty;
            return false;
        }
        var raw = value[start..i];
        pos = i + 1;
        if (!escaped)
        {
            result = raw.ToString();
            return true;
        }
        var sb = new StringBuilder(raw.Length);
        for (var j = 0; j < raw.Length; j++)
        {
            if (raw[j] == '\\' && j + 1 < raw.Length)
            {
                j++;
            }
            sb.Append(raw[j]);
        }
        result = sb.ToString();
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

    private struct Fields
    {
        public string? Username, Realm, Nonce, Uri, Response, Algorithm, Cnonce, Qop, Nc, Opaque, UserHash;

        /// <summary>Stores a known parameter; false when it was already set. Unknown names are ignored.</summary>
        public bool Set(ReadOnlySpan<char> name, string value) => name.Length switch
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

        private static bool Assign(ref string? slot, string value)
        {
            if (slot is not null)
            {
                return false;
            }
            slot = value;
            return true;
        }
    }
}
