using System.Buffers;
using System.Text;

namespace Switch.Sip.Message;

/// <summary>
/// An immutable SIP message backed by its bytes. Transaction keys are parsed eagerly; everything else is read
/// lazily from slices of the buffer. Create one with <see cref="SipMessageParser"/> or <see cref="SipMessageBuilder"/>.
/// </summary>
internal abstract partial class SipMessage
{
    private readonly ReadOnlyMemory<byte> _data;
    private readonly SipHeaderField[] _fields;
    private readonly TextSegment _startLine;
    private readonly SipMessageKeys _keys;
    private SipNameAddr? _from;
    private SipNameAddr? _to;
    private IReadOnlyList<SipVia>? _vias;
    private IReadOnlyList<SipNameAddr>? _contacts;
    private IReadOnlyList<SipHeader>? _headers;

    private protected SipMessage(ReadOnlyMemory<byte> data, TextSegment startLine, SipHeaderField[] fields, ReadOnlyMemory<byte> body, in SipMessageKeys keys)
    {
        _data = data;
        _startLine = startLine;
        _fields = fields;
        Body = body;
        _keys = keys;
    }

    /// <summary>The message's bytes as received or built (start line to end of body).</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>The SIP-Version of the start line, e.g. "SIP/2.0".</summary>
    public string Version => _keys.Version;

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>First Via value, or null when the message has none.</summary>
    public SipVia? TopVia => _keys.TopVia;

    public string? CallId => _keys.CallId;

    public SipCSeq? CSeq => _keys.CSeq;

    public string? FromTag => _keys.FromTag;

    public string? ToTag => _keys.ToTag;

    public int? MaxForwards => _keys.MaxForwards;

    public SipNameAddr? From => _from ??= ReadNameAddr(SipHeaderId.From);

    public SipNameAddr? To => _to ??= ReadNameAddr(SipHeaderId.To);

    /// <summary>All Via values in order, across header lines.</summary>
    public IReadOnlyList<SipVia> Vias => _vias ??= ReadVias();

    /// <summary>All Contact values in order (a wildcard Contact is one element with IsWildcard).</summary>
    public IReadOnlyList<SipNameAddr> Contacts => _contacts ??= ReadNameAddrList(SipHeaderId.Contact);

    public IReadOnlyList<SipNameAddr> Routes => ReadNameAddrList(SipHeaderId.Route);

    public IReadOnlyList<SipNameAddr> RecordRoutes => ReadNameAddrList(SipHeaderId.RecordRoute);

    /// <summary>The Expires header in seconds, when present and valid.</summary>
    public uint? Expires => TryGetField(SipHeaderId.Expires, out var v) && SipSyntax.TryParseUInt32(v, out var e) ? e : null;

    public string? ContentType => GetHeader(SipHeaderId.ContentType);

    public string? Authorization => GetHeader(SipHeaderId.Authorization);

    public string? ProxyAuthorization => GetHeader(SipHeaderId.ProxyAuthorization);

    /// <summary>Every header line in order (Content-Length included as received).</summary>
    public IReadOnlyList<SipHeader> Headers => _headers ??= ReadHeaders();

    internal int FieldCount => _fields.Length;

    internal SipHeaderField GetField(int index) => _fields[index];

    internal ReadOnlySpan<byte> StartLineBytes => _startLine.Of(_data.Span);

    private protected TextSegment StartLine => _startLine;

    private protected SipMessageKeys Keys => _keys;

    internal ReadOnlyMemory<byte> FieldValue(int index)
    {
        var v = _fields[index].Value;
        return _data.Slice(v.Start, v.Length);
    }

    internal string FieldName(int index)
    {
        var f = _fields[index];
        return f.Id == SipHeaderId.Unknown ? Encoding.UTF8.GetString(f.Name.Of(_data.Span)) : SipHeaderNames.GetName(f.Id);
    }

    /// <summary>First value of a header (any case, compact or long name), unfolded; null when absent.</summary>
    public string? GetHeader(string name)
    {
        var id = SipHeaderNames.Lookup(name);
        for (var i = 0; i < _fields.Length; i++)
        {
            if (Matches(i, id, name))
            {
                return FieldText(i);
            }
        }

        return null;
    }

    /// <summary>Values of every header line with that name, in order.</summary>
    public IReadOnlyList<string> GetHeaders(string name)
    {
        var id = SipHeaderNames.Lookup(name);
        List<string>? list = null;
        for (var i = 0; i < _fields.Length; i++)
        {
            if (Matches(i, id, name))
            {
                (list ??= []).Add(FieldText(i));
            }
        }

        return (IReadOnlyList<string>?)list ?? [];
    }

    /// <summary>Values of a list header split at top-level commas, across lines (e.g. Allow, Supported, Require).</summary>
    public IReadOnlyList<string> GetHeaderValues(string name)
    {
        var id = SipHeaderNames.Lookup(name);
        List<string>? list = null;
        for (var i = 0; i < _fields.Length; i++)
        {
            if (!Matches(i, id, name))
            {
                continue;
            }

            list ??= [];

            var s = _fields[i].Value.Of(_data.Span);
            var p = 0;
            while (p <= s.Length)
            {
                var comma = SipSyntax.IndexOfListSeparator(s, p);
                if (comma < 0)
                {
                    comma = s.Length;
                }

                var item = SipSyntax.TrimLws(s[p..comma]);
                if (!item.IsEmpty)
                {
                    list.Add(SipSyntax.Unfold(item));
                }

                p = comma + 1;
            }
        }

        return (IReadOnlyList<string>?)list ?? [];
    }

    public bool HasHeader(string name) => CountHeaders(name) > 0;

    /// <summary>Number of header lines with that name.</summary>
    public int CountHeaders(string name)
    {
        var id = SipHeaderNames.Lookup(name);
        var n = 0;
        for (var i = 0; i < _fields.Length; i++)
        {
            if (Matches(i, id, name))
            {
                n++;
            }
        }

        return n;
    }

    internal int CountHeaders(SipHeaderId id)
    {
        var n = 0;
        foreach (var f in _fields)
        {
            if (f.Id == id)
            {
                n++;
            }
        }

        return n;
    }

    internal string? GetHeader(SipHeaderId id)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            if (_fields[i].Id == id)
            {
                return FieldText(i);
            }
        }

        return null;
    }

    internal bool TryGetField(SipHeaderId id, out ReadOnlySpan<byte> value)
    {
        foreach (var f in _fields)
        {
            if (f.Id == id)
            {
                value = f.Value.Of(_data.Span);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Writes the message (normalized: unfolded values, long header names, exact Content-Length).</summary>
    public void Write(IBufferWriter<byte> writer) => SipMessageWriter.Write(this, writer);

    /// <summary>The bytes <see cref="Write"/> gives, in one array of their exact size.</summary>
    public byte[] ToArray() => SipMessageWriter.ToArray(this);

    public override string ToString() => Encoding.UTF8.GetString(ToArray());

    private string FieldText(int index) => SipSyntax.Unfold(_fields[index].Value.Of(_data.Span));

    private bool Matches(int index, SipHeaderId id, string name)
    {
        var f = _fields[index];
        return id != SipHeaderId.Unknown ? f.Id == id : f.Id == SipHeaderId.Unknown && Ascii.EqualsIgnoreCase(f.Name.Of(_data.Span), name);
    }

    private SipNameAddr? ReadNameAddr(SipHeaderId id)
    {
        if (!TryGetField(id, out var value))
        {
            return null;
        }

        var i = 0;
        return SipNameAddrScanner.TryScan(value, ref i, list: false, allowWildcard: false, out var parts, out _)
            ? SipNameAddr.FromScanned(value, parts)
            : null;
    }

    private IReadOnlyList<SipNameAddr> ReadNameAddrList(SipHeaderId id)
    {
        List<SipNameAddr>? list = null;
        foreach (var f in _fields)
        {
            if (f.Id != id)
            {
                continue;
            }

            list ??= [];

            var s = f.Value.Of(_data.Span);
            var i = 0;
            while (i < s.Length && SipNameAddrScanner.TryScan(s, ref i, list: true, allowWildcard: id == SipHeaderId.Contact, out var parts, out _))
            {
                list.Add(SipNameAddr.FromScanned(s, parts));
                i++;
            }
        }

        return (IReadOnlyList<SipNameAddr>?)list ?? [];
    }

    private List<SipVia> ReadVias()
    {
        var list = new List<SipVia>();
        foreach (var f in _fields)
        {
            if (f.Id != SipHeaderId.Via)
            {
                continue;
            }

            var value = _data.Slice(f.Value.Start, f.Value.Length);
            var i = 0;
            while (i < value.Length && SipViaScanner.TryScan(value.Span, ref i, out var parts, out _))
            {
                list.Add(SipVia.FromScanned(value, parts));
                i++;
            }
        }

        return list;
    }

    private SipHeader[] ReadHeaders()
    {
        var result = new SipHeader[_fields.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new SipHeader(FieldName(i), FieldText(i));
        }

        return result;
    }
}
