using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Switch.Sip.Message;

/// <summary>One immutable Via value (RFC 3261 §20.42, §18.2.1; RFC 3581 rport).</summary>
internal sealed class SipVia
{
    /// <summary>The RFC 3261 branch prefix.</summary>
    public const string MagicCookie = "z9hG4bK";

    private readonly ReadOnlyMemory<byte> _raw;
    private readonly int _port;
    private readonly ushort _hostStart;
    private readonly ushort _hostLength;
    private IReadOnlyList<SipParameter>? _parameters;
    private string? _text;
    private string? _host;

    private SipVia(ReadOnlyMemory<byte> raw, in SipViaParts parts)
    {
        _raw = raw;
        var s = raw.Span;
        Transport = InternTransport(parts.Transport.Of(s));
        _port = parts.Port;
        (_hostStart, _hostLength, _host) = HostAt(s, parts.Host);
        Branch = parts.Branch.IsPresent ? Encoding.UTF8.GetString(parts.Branch.Of(s)) : null;
    }

    private SipVia(ReadOnlyMemory<byte> raw, TextSegment host, SipVia sameSentByAndBranch)
    {
        _raw = raw;
        (_hostStart, _hostLength, _host) = HostAt(raw.Span, host);
        _host ??= sameSentByAndBranch._host;
        Transport = sameSentByAndBranch.Transport;
        _port = sameSentByAndBranch._port;
        Branch = sameSentByAndBranch.Branch;
    }

    /// <summary>Upper-case transport token: UDP, TCP, TLS, SCTP, WS, WSS or an extension.</summary>
    public string Transport { get; }

    /// <summary>sent-by host as written (IPv6 keeps brackets); made a string when first read.</summary>
    public string Host => _host ??= Encoding.ASCII.GetString(_raw.Span.Slice(_hostStart, _hostLength));

    public int? Port => _port >= 0 ? _port : null;

    public string? Branch { get; }

    /// <summary>True when the branch starts with the RFC 3261 magic cookie and has something after it.</summary>
    public bool HasRfc3261Branch => Branch is { Length: > 7 } b && b.StartsWith(MagicCookie, StringComparison.Ordinal);

    /// <summary>The element's pieces, re-scanned on demand (only the transaction keys are kept eagerly).</summary>
    private SipViaParts Parts
    {
        get
        {
            var i = 0;
            _ = SipViaScanner.TryScan(_raw.Span, ref i, out var parts, out _);
            return parts;
        }
    }

    public string ProtocolName => Encoding.ASCII.GetString(Parts.ProtocolName.Of(_raw.Span));

    public string ProtocolVersion => Encoding.ASCII.GetString(Parts.ProtocolVersion.Of(_raw.Span));

    public string? Received => Parts.Received.IsPresent ? Encoding.ASCII.GetString(Parts.Received.Of(_raw.Span)) : null;

    /// <summary>True when rport is present (as a flag or with a value).</summary>
    public bool HasRPort => Parts.HasRPort;

    public int? RPort => Parts.RPort.IsPresent && SipSyntax.TryParseUInt32(Parts.RPort.Of(_raw.Span), out var v) ? (int)v : null;

    public string? MAddr => GetParameter("maddr");

    public int? Ttl => int.TryParse(GetParameter("ttl"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;

    public IReadOnlyList<SipParameter> Parameters => _parameters ??= ParseParameters();

    /// <summary>host[:port] as written in sent-by.</summary>
    public string SentBy => Port is { } p ? Host + ":" + p.ToString(CultureInfo.InvariantCulture) : Host;

    public string? GetParameter(string name) => SipParameterScanner.Find(Parameters, name);

    public static SipVia Parse(string text) =>
        TryParse(text, out var via) ? via : throw new FormatException($"Invalid Via '{text}'.");

    public static bool TryParse(string text, [NotNullWhen(true)] out SipVia? via)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var i = 0;
        via = SipViaScanner.TryScan(bytes, ref i, out var parts, out _) && i == bytes.Length ? new SipVia(bytes, parts) : null;
        return via is not null;
    }

    /// <summary>Builds <c>SIP/2.0/{transport} host[:port];branch=...[;rport]</c>.</summary>
    public static SipVia Create(string transport, string host, int? port, string branch, bool rport = true)
    {
        var sb = new StringBuilder("SIP/2.0/").Append(transport.ToUpperInvariant()).Append(' ');
        sb.Append(host.Contains(':', StringComparison.Ordinal) && host[0] != '[' ? "[" + host + "]" : host);
        if (port is { } p)
        {
            sb.Append(':').Append(p.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append(";branch=").Append(branch);
        if (rport)
        {
            sb.Append(";rport");
        }

        return Parse(sb.ToString());
    }

    public override string ToString() => _text ??= SipSyntax.Unfold(_raw.Span);

    /// <summary>
    /// Where responses go by this Via (RFC 3261 §18.2.2, RFC 3581 §4), as written: received (else the sent-by host)
    /// without IPv6 brackets, and rport (else the sent-by port, else null).
    /// </summary>
    internal ReadOnlySpan<byte> GetResponseAddress(out int? port)
    {
        var parts = Parts;
        var s = _raw.Span;
        port = parts.RPort.IsPresent && SipSyntax.TryParseUInt32(parts.RPort.Of(s), out var r) ? (int)r : Port;
        var host = parts.Received.IsPresent ? parts.Received.Of(s) : parts.Host.Of(s);
        return host.Length > 1 && host[0] == '[' ? host[1..^1] : host;
    }

    /// <summary>The same Via rewritten (received/rport stamped): <paramref name="value"/> holds it first; sent-by and branch are unchanged.</summary>
    internal static SipVia? Restamped(ReadOnlyMemory<byte> value, SipVia original)
    {
        var i = 0;
        return SipViaScanner.TryScan(value.Span, ref i, out var parts, out _)
            ? new SipVia(value.Slice(parts.Element.Start, parts.Element.Length), parts.Host.Offset(-parts.Element.Start), original)
            : null;
    }

    internal static SipVia FromScanned(ReadOnlyMemory<byte> value, in SipViaParts parts)
    {
        var element = value.Slice(parts.Element.Start, parts.Element.Length);
        var relative = parts;
        var by = -parts.Element.Start;
        relative.ProtocolName = parts.ProtocolName.Offset(by);
        relative.ProtocolVersion = parts.ProtocolVersion.Offset(by);
        relative.Transport = parts.Transport.Offset(by);
        relative.Host = parts.Host.Offset(by);
        relative.Parameters = parts.Parameters.Offset(by);
        relative.Branch = parts.Branch.Offset(by);
        relative.Received = parts.Received.Offset(by);
        relative.RPort = parts.RPort.Offset(by);
        relative.Element = new TextSegment(0, parts.Element.Length);
        return new SipVia(element, relative);
    }

    /// <summary>
    /// Where the host is, in two ushorts (no bigger than the int? port they sit beside used to be), or the host itself
    /// when it lies beyond them.
    /// </summary>
    private static (ushort Start, ushort Length, string? Text) HostAt(ReadOnlySpan<byte> raw, TextSegment host) =>
        host.Start <= ushort.MaxValue && host.Length <= ushort.MaxValue && host.IsPresent
            ? ((ushort)host.Start, (ushort)host.Length, null)
            : ((ushort)0, (ushort)0, Encoding.ASCII.GetString(host.Of(raw)));

    private IReadOnlyList<SipParameter> ParseParameters() =>
        Parts.Parameters.IsPresent && SipParameterScanner.TryParseAll(Parts.Parameters.Of(_raw.Span), true, out var list) ? list : [];

    private static string InternTransport(ReadOnlySpan<byte> t)
    {
        if (System.Text.Ascii.EqualsIgnoreCase(t, "UDP"u8))
        {
            return "UDP";
        }

        if (System.Text.Ascii.EqualsIgnoreCase(t, "TCP"u8))
        {
            return "TCP";
        }

        if (System.Text.Ascii.EqualsIgnoreCase(t, "TLS"u8))
        {
            return "TLS";
        }

        return Encoding.ASCII.GetString(t).ToUpperInvariant();
    }
}
