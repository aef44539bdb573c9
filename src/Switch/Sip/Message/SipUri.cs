using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Switch.Sip.Message;

/// <summary>
/// An immutable SIP/SIPS/tel (or other absolute) URI. Components are unescaped exactly once; <see cref="ToString"/>
/// gives the URI exactly as written, which is also what is put on the wire.
/// </summary>
internal sealed class SipUri : IEquatable<SipUri>
{
    private readonly string _text;

    private SipUri(string text, ReadOnlySpan<byte> bytes, in SipUriParts parts)
    {
        _text = text;
        Scheme = InternScheme(parts.Scheme.Of(bytes));
        IsSip = parts.IsSip;
        User = parts.User.IsPresent ? SipSyntax.Unescape(parts.User.Of(bytes)) : null;
        Password = parts.Password.IsPresent ? SipSyntax.Unescape(parts.Password.Of(bytes)) : null;
        Host = parts.Host.IsPresent ? Encoding.ASCII.GetString(parts.Host.Of(bytes)) : string.Empty;
        Port = parts.Port >= 0 ? parts.Port : null;
        Parameters = parts.Parameters.IsPresent && SipParameterScanner.TryParseAll(parts.Parameters.Of(bytes), false, out var list)
            ? list
            : [];
        Headers = parts.Headers.IsPresent ? Encoding.UTF8.GetString(parts.Headers.Of(bytes)) : null;
    }

    /// <summary>Lower-cased scheme: "sip", "sips", "tel" or another.</summary>
    public string Scheme { get; }

    /// <summary>True for sip: and sips: URIs.</summary>
    public bool IsSip { get; }

    public bool IsSecure => Scheme == "sips";

    /// <summary>Unescaped user part (the number for tel:), or null.</summary>
    public string? User { get; }

    public string? Password { get; }

    /// <summary>Host as written; IPv6 references keep their brackets. Empty for non-SIP schemes.</summary>
    public string Host { get; }

    public int? Port { get; }

    /// <summary>URI parameters as written (values still escaped).</summary>
    public IReadOnlyList<SipParameter> Parameters { get; }

    /// <summary>The escaped header component after '?', or null.</summary>
    public string? Headers { get; }

    public string? Transport => GetParameter("transport");

    public bool IsLooseRouting => GetParameter("lr") is not null;

    public string? MAddr => GetParameter("maddr");

    /// <summary>Host without IPv6 brackets, suitable for address parsing and DNS.</summary>
    public string HostName => Host.Length > 1 && Host[0] == '[' ? Host[1..^1] : Host;

    /// <summary>Value of a parameter ("" for a flag) or null when absent; names are case-insensitive.</summary>
    public string? GetParameter(string name) => SipParameterScanner.Find(Parameters, name);

    public static SipUri Parse(string text) =>
        TryParse(text, out var uri) ? uri : throw new FormatException($"Invalid SIP URI '{text}'.");

    public static bool TryParse(string text, [NotNullWhen(true)] out SipUri? uri)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (!SipUriScanner.TryScan(bytes, out var parts, out _))
        {
            uri = null;
            return false;
        }

        uri = new SipUri(text, bytes, parts);
        return true;
    }

    internal static SipUri FromScanned(ReadOnlySpan<byte> bytes, in SipUriParts parts) =>
        new(Encoding.UTF8.GetString(bytes), bytes, parts);

    /// <summary>Builds a sip:/sips: URI, escaping the user part as needed.</summary>
    public static SipUri Create(string host, int? port = null, string? user = null, bool secure = false, params SipParameter[] parameters)
    {
        var sb = new StringBuilder(secure ? "sips:" : "sip:");
        if (user is not null)
        {
            sb.Append(EscapeUser(user)).Append('@');
        }

        sb.Append(host.Contains(':', StringComparison.Ordinal) && host[0] != '[' ? "[" + host + "]" : host);
        if (port is { } p)
        {
            sb.Append(':').Append(p.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var parameter in parameters)
        {
            sb.Append(';').Append(parameter.ToString());
        }

        return Parse(sb.ToString());
    }

    /// <summary>A copy with a parameter added or replaced (value null = flag).</summary>
    public SipUri WithParameter(string name, string? value)
    {
        var (head, tail) = SplitForParameters();
        var sb = new StringBuilder(head);
        foreach (var parameter in Parameters)
        {
            if (!string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                sb.Append(';').Append(parameter.ToString());
            }
        }

        sb.Append(';').Append(new SipParameter(name, value).ToString()).Append(tail);
        return Parse(sb.ToString());
    }

    /// <summary>A copy without the header component ('?...'), as a Request-URI built from a Contact must be.</summary>
    public SipUri WithoutHeaders() => Headers is null ? this : Parse(_text[.._text.IndexOf('?', StringComparison.Ordinal)]);

    public override string ToString() => _text;

    /// <summary>URI comparison after RFC 3261 §19.1.4 (scheme, user, password, host, port, the significant parameters, headers).</summary>
    public bool Equals(SipUri? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other) || string.Equals(_text, other._text, StringComparison.Ordinal))
        {
            return true;
        }

        if (!IsSip || !other.IsSip)
        {
            return string.Equals(_text, other._text, StringComparison.OrdinalIgnoreCase);
        }

        if (Scheme != other.Scheme || User != other.User || Password != other.Password || Port != other.Port
            || !string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(Headers, other.Headers, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var name in (ReadOnlySpan<string>)["transport", "user", "ttl", "method", "maddr"])
        {
            if (!string.Equals(GetParameter(name), other.GetParameter(name), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        foreach (var p in Parameters)
        {
            var theirs = other.GetParameter(p.Name);
            if (theirs is not null && !string.Equals(theirs, p.Value ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as SipUri);

    public override int GetHashCode() => HashCode.Combine(Scheme, User, Host.ToLowerInvariant(), Port);

    internal static string InternScheme(ReadOnlySpan<byte> scheme)
    {
        if (Ascii.EqualsIgnoreCase(scheme, "sip"u8))
        {
            return "sip";
        }

        if (Ascii.EqualsIgnoreCase(scheme, "sips"u8))
        {
            return "sips";
        }

        return Ascii.EqualsIgnoreCase(scheme, "tel"u8) ? "tel" : Encoding.ASCII.GetString(scheme).ToLowerInvariant();
    }

    private static string EscapeUser(string user)
    {
        var sb = new StringBuilder(user.Length);
        foreach (var b in Encoding.UTF8.GetBytes(user))
        {
            if (SipSyntax.IsAlpha(b) || SipSyntax.IsDigit(b) || "-_.!~*'()&=+$,;?/".Contains((char)b, StringComparison.Ordinal))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private (string Head, string Tail) SplitForParameters()
    {
        var q = _text.IndexOf('?', StringComparison.Ordinal);
        var beforeHeaders = q >= 0 ? _text[..q] : _text;
        var tail = q >= 0 ? _text[q..] : string.Empty;
        if (Parameters.Count == 0)
        {
            return (beforeHeaders, tail);
        }

        var at = beforeHeaders.IndexOf('@', StringComparison.Ordinal);
        var semi = beforeHeaders.IndexOf(';', at < 0 ? 0 : at);
        return (beforeHeaders[..semi], tail);
    }
}
