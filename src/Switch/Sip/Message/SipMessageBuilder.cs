using System.Globalization;
using System.Text;

namespace Switch.Sip.Message;

/// <summary>
/// Mutable recipe for a new immutable message: start line, headers in order, body. <see cref="Build"/> writes the
/// bytes (Content-Length is always computed) and parses them, so built messages are exactly what goes on the wire.
/// Invalid input is a programming error and throws.
/// </summary>
internal sealed class SipMessageBuilder
{
    private readonly List<Entry> _headers = new(12);
    private string? _method;
    private SipUri? _requestUri;
    private int _status;
    private string? _reason;
    private ReadOnlyMemory<byte> _body;

    private SipMessageBuilder()
    {
    }

    public static SipMessageBuilder Request(string method, SipUri requestUri)
    {
        if (!SipSyntax.IsTokenSpan(Encoding.UTF8.GetBytes(method)))
        {
            throw new ArgumentException($"'{method}' is not a SIP method token.", nameof(method));
        }

        return new SipMessageBuilder { _method = method, _requestUri = requestUri };
    }

    public static SipMessageBuilder Response(int status, string? reason = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 699);
        var phrase = reason ?? SipReasonPhrases.Get(status);
        CheckNoLineBreak(phrase, nameof(reason));
        return new SipMessageBuilder { _status = status, _reason = phrase };
    }

    /// <summary>A builder holding a copy of <paramref name="message"/>'s start line, headers and body.</summary>
    public static SipMessageBuilder FromMessage(SipMessage message)
    {
        var builder = message switch
        {
            SipRequest r => new SipMessageBuilder { _method = r.Method, _requestUri = r.RequestUri },
            SipResponse r => new SipMessageBuilder { _status = r.StatusCode, _reason = r.ReasonPhrase },
            _ => throw new ArgumentException("Unknown message type.", nameof(message)),
        };
        for (var i = 0; i < message.FieldCount; i++)
        {
            var id = message.GetField(i).Id;
            if (id != SipHeaderId.ContentLength)
            {
                builder._headers.Add(new Entry(id, message.FieldName(i), message.FieldValue(i)));
            }
        }

        builder._body = message.Body;
        return builder;
    }

    public bool IsRequest => _method is not null;

    public SipMessageBuilder SetRequestUri(SipUri uri)
    {
        _requestUri = IsRequest ? uri : throw new InvalidOperationException("A response has no Request-URI.");
        return this;
    }

    /// <summary>Appends a header line.</summary>
    public SipMessageBuilder AddHeader(string name, string value)
    {
        var (id, canonical) = CheckName(name);
        CheckNoLineBreak(value, nameof(value));
        if (id != SipHeaderId.ContentLength)
        {
            _headers.Add(new Entry(id, canonical, Encoding.UTF8.GetBytes(value)));
        }

        return this;
    }

    /// <summary>Inserts a header line before all others (a new top Via, for example).</summary>
    public SipMessageBuilder PrependHeader(string name, string value)
    {
        var (id, canonical) = CheckName(name);
        CheckNoLineBreak(value, nameof(value));
        _headers.Insert(0, new Entry(id, canonical, Encoding.UTF8.GetBytes(value)));
        return this;
    }

    /// <summary>Replaces the first line of that name (removing the others), or appends one.</summary>
    public SipMessageBuilder SetHeader(string name, string value)
    {
        var (id, canonical) = CheckName(name);
        CheckNoLineBreak(value, nameof(value));
        var index = IndexOf(id, canonical);
        if (index < 0)
        {
            return AddHeader(canonical, value);
        }

        _headers[index] = new Entry(id, canonical, Encoding.UTF8.GetBytes(value));
        for (var i = _headers.Count - 1; i > index; i--)
        {
            if (Same(_headers[i], id, canonical))
            {
                _headers.RemoveAt(i);
            }
        }

        return this;
    }

    public SipMessageBuilder RemoveHeader(string name)
    {
        var (id, canonical) = CheckName(name);
        _ = _headers.RemoveAll(e => Same(e, id, canonical));
        return this;
    }

    /// <summary>Sets the body; with <paramref name="contentType"/> also sets Content-Type (removed for an empty body without one).</summary>
    public SipMessageBuilder SetBody(ReadOnlyMemory<byte> body, string? contentType = null)
    {
        _body = body;
        if (contentType is not null)
        {
            _ = SetHeader(SipHeaderNames.ContentType, contentType);
        }
        else if (body.IsEmpty)
        {
            _ = RemoveHeader(SipHeaderNames.ContentType);
        }

        return this;
    }

    public SipMessageBuilder SetBody(string body, string contentType) => SetBody(Encoding.UTF8.GetBytes(body), contentType);

    internal SipMessageBuilder AddRaw(SipHeaderId id, string name, ReadOnlyMemory<byte> value)
    {
        _headers.Add(new Entry(id, name, value));
        return this;
    }

    /// <summary>Writes and parses the message; throws <see cref="InvalidOperationException"/> if a header value was invalid.</summary>
    public SipMessage Build()
    {
        var bytes = Serialize();
        return SipMessageParser.TryParse(bytes, out var message, out var error)
            ? message
            : throw new InvalidOperationException($"Built SIP message is invalid: {error}");
    }

    public SipRequest BuildRequest() =>
        Build() as SipRequest ?? throw new InvalidOperationException("The builder holds a response.");

    public SipResponse BuildResponse() =>
        Build() as SipResponse ?? throw new InvalidOperationException("The builder holds a request.");

    private byte[] Serialize()
    {
        var startLine = _method is not null
            ? Encoding.UTF8.GetBytes(_method + " " + _requestUri + " SIP/2.0")
            : Encoding.UTF8.GetBytes("SIP/2.0 " + _status.ToString(CultureInfo.InvariantCulture) + " " + _reason);
        var size = startLine.Length + 2 + SipMessageWriter.UpperBoundContentLength + 2 + _body.Length;
        foreach (var e in _headers)
        {
            size += e.Name.Length * 3 + 4 + e.Value.Length;
        }

        var buffer = new byte[size];
        var span = buffer.AsSpan();
        startLine.CopyTo(span);
        var n = startLine.Length;
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        foreach (var e in _headers)
        {
            var name = e.Id != SipHeaderId.Unknown ? SipHeaderNames.GetNameBytes(e.Id) : Encoding.UTF8.GetBytes(e.Name);
            n += SipMessageWriter.WriteHeader(span[n..], name, e.Value.Span);
        }

        n += SipMessageWriter.WriteContentLength(span[n..], _body.Length);
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        _body.Span.CopyTo(span[n..]);
        n += _body.Length;
        return n == buffer.Length ? buffer : buffer[..n];
    }

    private int IndexOf(SipHeaderId id, string name)
    {
        for (var i = 0; i < _headers.Count; i++)
        {
            if (Same(_headers[i], id, name))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Same(Entry e, SipHeaderId id, string name) =>
        id != SipHeaderId.Unknown ? e.Id == id : e.Id == SipHeaderId.Unknown && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase);

    private static (SipHeaderId Id, string Name) CheckName(string name)
    {
        var id = SipHeaderNames.Lookup(name);
        if (id != SipHeaderId.Unknown)
        {
            return (id, SipHeaderNames.GetName(id));
        }

        if (!SipSyntax.IsTokenSpan(Encoding.UTF8.GetBytes(name)))
        {
            throw new ArgumentException($"'{name}' is not a header name token.", nameof(name));
        }

        return (id, name);
    }

    private static void CheckNoLineBreak(string value, string parameter)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("Header values and reason phrases must not contain CR or LF.", parameter);
        }
    }

    private readonly record struct Entry(SipHeaderId Id, string Name, ReadOnlyMemory<byte> Value);
}
