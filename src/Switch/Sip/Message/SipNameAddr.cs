using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switch.Sip.Message;

/// <summary>
/// An immutable From/To/Contact/Route value: optional display name, URI, header parameters (tag, expires, q...).
/// A Contact of <c>*</c> has <see cref="IsWildcard"/> set and no URI.
/// </summary>
internal sealed class SipNameAddr
{
    private readonly string _text;
    private readonly SipUri? _uri;

    private SipNameAddr(string text, SipUri? uri, string? displayName, SipParameter[] parameters, bool wildcard)
    {
        _text = text;
        _uri = uri;
        DisplayName = displayName;
        Parameters = parameters;
        IsWildcard = wildcard;
    }

    /// <summary>The display name without quotes and quoted-pair escapes, or null.</summary>
    public string? DisplayName { get; }

    /// <summary>The URI; throws for the wildcard Contact (check <see cref="IsWildcard"/>).</summary>
    public SipUri Uri => _uri ?? throw new InvalidOperationException("The wildcard Contact '*' has no URI.");

    public IReadOnlyList<SipParameter> Parameters { get; }

    public bool IsWildcard { get; }

    public string? Tag => GetParameter("tag");

    /// <summary>Contact 'expires' parameter when it is a valid number.</summary>
    public uint? Expires => uint.TryParse(GetParameter("expires"), out var e) ? e : null;

    public string? GetParameter(string name) => SipParameterScanner.Find(Parameters, name);

    public static SipNameAddr Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"Invalid name-addr '{text}'.");

    public static bool TryParse(string text, [NotNullWhen(true)] out SipNameAddr? value)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var i = 0;
        value = SipNameAddrScanner.TryScan(bytes, ref i, list: false, allowWildcard: true, out var parts, out _)
            ? FromScanned(bytes, parts)
            : null;
        return value is not null;
    }

    /// <summary>Builds <c>"Display" &lt;uri&gt;;params</c>.</summary>
    public static SipNameAddr Create(SipUri uri, string? displayName = null, params SipParameter[] parameters)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(displayName))
        {
            sb.Append('"').Append(displayName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\" ");
        }

        sb.Append('<').Append(uri.ToString()).Append('>');
        foreach (var p in parameters)
        {
            sb.Append(';').Append(p.ToString());
        }

        return Parse(sb.ToString());
    }

    /// <summary>A copy with the parameter set (added, or replaced in place).</summary>
    public SipNameAddr WithParameter(string name, string? value)
    {
        var replaced = false;
        var list = new List<SipParameter>(Parameters.Count + 1);
        foreach (var p in Parameters)
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                list.Add(new SipParameter(p.Name, value));
                replaced = true;
            }
            else
            {
                list.Add(p);
            }
        }

        if (!replaced)
        {
            list.Add(new SipParameter(name, value));
        }

        var head = _text;
        var cut = HeadLength();
        var sb = new StringBuilder(head, 0, cut, cut + 32);
        foreach (var p in list)
        {
            sb.Append(';').Append(p.ToString());
        }

        return Parse(sb.ToString());
    }

    public SipNameAddr WithTag(string tag) => WithParameter("tag", tag);

    /// <summary>The value as written (folds collapsed).</summary>
    public override string ToString() => _text;

    internal static SipNameAddr FromScanned(ReadOnlySpan<byte> value, in SipNameAddrParts parts)
    {
        var text = SipSyntax.Unfold(parts.Element.Of(value));
        if (parts.IsWildcard)
        {
            return new SipNameAddr("*", null, null, [], true);
        }

        var uri = SipUri.FromScanned(parts.Uri.Of(value), parts.UriParts);
        string? display = null;
        if (parts.DisplayName.IsPresent)
        {
            var raw = parts.DisplayName.Of(value);
            display = raw[0] == '"' ? UnquoteDisplay(raw) : SipSyntax.Unfold(raw);
        }

        SipParameter[] parameters = [];
        if (parts.Parameters.IsPresent)
        {
            _ = SipParameterScanner.TryParseAll(parts.Parameters.Of(value), true, out parameters);
        }

        return new SipNameAddr(text, uri, display, parameters, false);
    }

    private static string UnquoteDisplay(ReadOnlySpan<byte> quoted)
    {
        var inner = quoted[1..^1];
        var buffer = new byte[inner.Length];
        var n = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }

            buffer[n++] = inner[i];
        }

        return SipSyntax.Unfold(buffer.AsSpan(0, n));
    }

    private int HeadLength()
    {
        if (Parameters.Count == 0)
        {
            return _text.Length;
        }

        var close = _text.LastIndexOf('>');
        if (close >= 0)
        {
            return close + 1;
        }

        var semi = _text.IndexOf(';', StringComparison.Ordinal);
        return semi < 0 ? _text.Length : semi;
    }
}
