using System.Text;

namespace Switch.Sip.Message;

/// <summary>
/// Mutable recipe for a new immutable message: start line, headers in order, body. <see cref="Build"/> writes the
/// bytes (Content-Length is always computed) and makes the message from what it wrote, answering every accessor
/// exactly as the parse of those bytes would. Invalid input is a programming error and throws.
/// </summary>
internal sealed partial class SipMessageBuilder
{
    private Entry[] _headers;
    private int _count;
    private string? _method;
    private SipUri? _requestUri;
    private int _status;
    private string? _reason;
    private ReadOnlyMemory<byte> _body;

    private SipMessageBuilder(int capacity)
    {
        _headers = RentLines(capacity);
    }

    public static SipMessageBuilder Request(string method, SipUri requestUri)
    {
        if (!IsToken(method))
        {
            throw new ArgumentException($"'{method}' is not a SIP method token.", nameof(method));
        }

        return new SipMessageBuilder(16) { _method = SipMethod.Intern(method), _requestUri = requestUri };
    }

    public static SipMessageBuilder Response(int status, string? reason = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 699);
        var phrase = reason ?? SipReasonPhrases.Get(status);
        CheckNoLineBreak(phrase, nameof(reason));
        return new SipMessageBuilder(12) { _status = status, _reason = phrase };
    }

    /// <summary>A builder holding a copy of <paramref name="message"/>'s start line, headers and body.</summary>
    public static SipMessageBuilder FromMessage(SipMessage message)
    {
        var builder = message switch
        {
            SipRequest r => new SipMessageBuilder(message.FieldCount + 2) { _method = r.Method, _requestUri = r.RequestUri },
            SipResponse r => new SipMessageBuilder(message.FieldCount + 2) { _status = r.StatusCode, _reason = r.ReasonPhrase },
            _ => throw new ArgumentException("Unknown message type.", nameof(message)),
        };
        for (var i = 0; i < message.FieldCount; i++)
        {
            if (message.GetField(i).Id != SipHeaderId.ContentLength)
            {
                builder.AddCopy(message, i);
            }
        }

        builder._body = message.Body;
        return builder;
    }

    public bool IsRequest => _method is not null;

    /// <summary>The request's method (interned, see <see cref="SipMethod.Intern"/>), or null for a response.</summary>
    public string? Method => _method;

    public SipMessageBuilder SetRequestUri(SipUri uri)
    {
        ThrowIfSpent();
        _requestUri = IsRequest ? uri : throw new InvalidOperationException("A response has no Request-URI.");
        return this;
    }

    /// <summary>Appends a header line.</summary>
    public SipMessageBuilder AddHeader(string name, string value)
    {
        ThrowIfSpent();
        var (id, unknownName) = CheckName(name);
        CheckNoLineBreak(value, nameof(value));
        if (id != SipHeaderId.ContentLength)
        {
            Add(Entry.Text(id, unknownName, value));
        }

        return this;
    }

    /// <summary>Inserts a header line before all others (a new top Via, for example).</summary>
    public SipMessageBuilder PrependHeader(string name, string value)
    {
        ThrowIfSpent();
        var (id, unknownName) = CheckName(name);
        CheckNoLineBreak(value, nameof(value));
        Insert(0, Entry.Text(id, unknownName, value));
        return this;
    }

    /// <summary>Replaces the first line of that name (removing the others), or appends one.</summary>
    public SipMessageBuilder SetHeader(string name, string value)
    {
        ThrowIfSpent();
        var (id, unknownName) = CheckName(name);
        CheckNoLineBreak(value, nameof(value));
        var index = IndexOf(id, unknownName);
        if (index < 0)
        {
            return AddHeader(name, value);
        }

        _headers[index] = Entry.Text(id, unknownName, value);
        for (var i = _count - 1; i > index; i--)
        {
            if (Same(_headers[i], id, unknownName))
            {
                RemoveAt(i);
            }
        }

        return this;
    }

    public SipMessageBuilder RemoveHeader(string name)
    {
        ThrowIfSpent();
        var (id, unknownName) = CheckName(name);
        for (var i = _count - 1; i >= 0; i--)
        {
            if (Same(_headers[i], id, unknownName))
            {
                RemoveAt(i);
            }
        }

        return this;
    }

    /// <summary>Sets the body; with <paramref name="contentType"/> also sets Content-Type (removed for an empty body without one).</summary>
    public SipMessageBuilder SetBody(ReadOnlyMemory<byte> body, string? contentType = null)
    {
        ThrowIfSpent();
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

    /// <summary>Appends a header value given as bytes (validated when the message is built).</summary>
    internal SipMessageBuilder AddRaw(SipHeaderId id, string name, ReadOnlyMemory<byte> value)
    {
        ThrowIfSpent();
        Add(Entry.Raw(id, id == SipHeaderId.Unknown ? CheckName(name).UnknownName : null, value));
        return this;
    }

    /// <summary>Appends header line <paramref name="index"/> of <paramref name="message"/> as it is (already valid).</summary>
    internal SipMessageBuilder AddCopy(SipMessage message, int index)
    {
        ThrowIfSpent();
        var field = message.GetField(index);
        var name = field.Id == SipHeaderId.Unknown ? message.FieldName(index) : null;
        Add(Entry.Copy(field.Id, name, message, index));
        return this;
    }

    private int IndexOf(SipHeaderId id, string? unknownName)
    {
        for (var i = 0; i < _count; i++)
        {
            if (Same(_headers[i], id, unknownName))
            {
                return i;
            }
        }

        return -1;
    }

    private void Add(in Entry entry) => Insert(_count, entry);

    private void Insert(int index, in Entry entry)
    {
        if (_count == _headers.Length)
        {
            Array.Resize(ref _headers, Math.Max(4, _count * 2));
        }

        Array.Copy(_headers, index, _headers, index + 1, _count - index);
        _headers[index] = entry;
        _count++;
    }

    private void RemoveAt(int index)
    {
        _count--;
        Array.Copy(_headers, index + 1, _headers, index, _count - index);
        _headers[_count] = default;
    }

    private static bool Same(in Entry e, SipHeaderId id, string? unknownName) =>
        id != SipHeaderId.Unknown ? e.Id == id : e.Id == SipHeaderId.Unknown && string.Equals(e.Name, unknownName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The id of a header name; for an unknown one also the name, which must be a token.</summary>
    private static (SipHeaderId Id, string? UnknownName) CheckName(string name)
    {
        var id = SipHeaderNames.Lookup(name);
        if (id != SipHeaderId.Unknown)
        {
            return (id, null);
        }

        if (!IsToken(name) || name.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"'{name}' is not a header name token.", nameof(name));
        }

        return (id, name);
    }

    private static bool IsToken(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (c > 127 || !SipSyntax.IsToken((byte)c))
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckNoLineBreak(string value, string parameter)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("Header values and reason phrases must not contain CR or LF.", parameter);
        }
    }
}
