using System.Globalization;

namespace Switch.Sdp;

/// <summary>
/// RFC 4566 parser. Lenient where interoperability asks for it (LF-only line ends, blank lines, trailing
/// spaces, missing s=/t=), strict on the lines the switch acts on (o=, c=, m=). Never throws.
/// </summary>
internal static partial class SdpParser
{
    public const int MaxLines = 1024;
    public const int MaxMedia = 32;

    /// <summary>Tokens of one m-line split on the stack (a longer line splits into an array).</summary>
    private const int MaxStackTokens = 64;

    public static bool TryParse(ReadOnlySpan<char> text, out SdpSession? session, out SdpParseError error)
    {
        session = null;
        error = Parse(text, out session);
        return error == SdpParseError.None;
    }

    private static SdpParseError Parse(ReadOnlySpan<char> text, out SdpSession? session)
    {
        session = null;
        var builder = new Builder();
        var lineCount = 0;
        var sawVersion = false;
        var position = 0;
        while (position < text.Length)
        {
            var end = text[position..].IndexOf('\n');
            var line = (end < 0 ? text[position..] : text.Slice(position, end)).TrimEnd();
            position = end < 0 ? text.Length : position + end + 1;
            if (line.IsEmpty)
            {
                continue;
            }

            if (++lineCount > MaxLines)
            {
                return SdpParseError.TooManyLines;
            }

            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
            {
                return SdpParseError.InvalidLine;
            }

            var type = line[0];
            var value = line[2..];
            if (!sawVersion)
            {
                if (type != 'v')
                {
                    return SdpParseError.MissingVersion;
                }

                if (!value.Trim().SequenceEqual("0"))
                {
                    return SdpParseError.UnsupportedVersion;
                }

                sawVersion = true;
                continue;
            }

            var lineError = builder.Add(type, value);
            if (lineError != SdpParseError.None)
            {
                return lineError;
            }
        }

        if (!sawVersion)
        {
            return lineCount == 0 ? SdpParseError.Empty : SdpParseError.MissingVersion;
        }

        return builder.Build(out session);
    }

    private sealed class Builder
    {
        private readonly List<SdpField> _fields = [];
        private readonly List<SdpTime> _times = [];
        private readonly List<SdpAttribute> _attributes = [];
        private readonly List<SdpMediaDescription> _media = [];
        private SdpOrigin? _origin;
        private string? _sessionName;
        private SdpConnection? _connection;
        private MediaBuilder? _current;

        public SdpParseError Add(char type, ReadOnlySpan<char> value)
        {
            if (type == 'm')
            {
                FlushMedia();
                if (_media.Count >= MaxMedia)
                {
                    return SdpParseError.TooManyMedia;
                }

                return MediaBuilder.TryCreate(value, out _current) ? SdpParseError.None : SdpParseError.InvalidMedia;
            }

            return _current is not null ? _current.Add(type, value) : AddSessionLine(type, value);
        }

        private SdpParseError AddSessionLine(char type, ReadOnlySpan<char> value)
        {
            switch (type)
            {
                case 'v':
                    return SdpParseError.InvalidLine;
                case 'o':
                    if (_origin is not null)
                    {
                        return SdpParseError.InvalidOrigin;
                    }

                    return TryParseOrigin(value, out _origin) ? SdpParseError.None : SdpParseError.InvalidOrigin;
                case 's':
                    _sessionName ??= value.IsEmpty ? "-" : value.ToString();
                    return SdpParseError.None;
                case 'c':
                    return TryParseConnection(value, out _connection) ? SdpParseError.None : SdpParseError.InvalidConnection;
                case 't':
                    Span<Range> time = stackalloc Range[3];
                    if (Tokenize(value, time) != 2)
                    {
                        return SdpParseError.InvalidTime;
                    }

                    _times.Add(new SdpTime(Token(value[time[0]]), Token(value[time[1]]), []));
                    return SdpParseError.None;
                case 'r':
                    if (_times.Count == 0)
                    {
                        return SdpParseError.InvalidTime;
                    }

                    var last = _times[^1];
                    _times[^1] = last with { Repeats = [.. last.Repeats, value.ToString()] };
                    return SdpParseError.None;
                case 'a':
                    return TryParseAttribute(value, out var attribute) && AddTo(_attributes, attribute)
                        ? SdpParseError.None
                        : SdpParseError.InvalidAttribute;
                default:
                    _fields.Add(new SdpField(type, value.ToString()));
                    return SdpParseError.None;
            }
        }

        private void FlushMedia()
        {
            if (_current is not null)
            {
                _media.Add(_current.Build());
                _current = null;
            }
        }

        public SdpParseError Build(out SdpSession? session)
        {
            session = null;
            FlushMedia();
            if (_origin is null)
            {
                return SdpParseError.MissingOrigin;
            }

            session = new SdpSession(
                0,
                _origin,
                _sessionName ?? "-",
                _connection,
                [.. _fields],
                _times.Count == 0 ? [SdpTime.Unbounded] : [.. _times],
                [.. _attributes],
                [.. _media]);
            return SdpParseError.None;
        }
    }

    private sealed class MediaBuilder
    {
        private readonly List<SdpField> _fields = [];
        private readonly List<SdpAttribute> _attributes = [];
        private readonly string _media;
        private readonly int _port;
        private readonly int? _portCount;
        private readonly string _protocol;
        private readonly string[] _formats;
        private SdpConnection? _connection;

        private MediaBuilder(string media, int port, int? portCount, string protocol, string[] formats)
        {
            _media = media;
            _port = port;
            _portCount = portCount;
            _protocol = protocol;
            _formats = formats;
        }

        public static bool TryCreate(ReadOnlySpan<char> value, out MediaBuilder? builder)
        {
            builder = null;
            // A line of n characters has at most (n + 1) / 2 tokens.
            var room = (value.Length + 1) / 2;
            var tokens = room <= MaxStackTokens ? stackalloc Range[MaxStackTokens] : new Range[room];
            var tokenCount = Tokenize(value, tokens);
            if (tokenCount < 3)
            {
                return false;
            }

            var portText = value[tokens[1]];
            int? portCount = null;
            var slash = portText.IndexOf('/');
            if (slash >= 0)
            {
                if (!int.TryParse(portText[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count) ||
                    count is < 1 or > 65535)
                {
                    return false;
                }

                portCount = count;
                portText = portText[..slash];
            }

            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            {
                return false;
            }

            var formats = new string[tokenCount - 3];
            for (var i = 0; i < formats.Length; i++)
            {
                formats[i] = Token(value[tokens[i + 3]]);
            }

            builder = new MediaBuilder(Token(value[tokens[0]]), port, portCount, Token(value[tokens[2]]), formats);
            return true;
        }

        public SdpParseError Add(char type, ReadOnlySpan<char> value)
        {
            switch (type)
            {
                case 'c':
                    return TryParseConnection(value, out _connection) ? SdpParseError.None : SdpParseError.InvalidConnection;
                case 'a':
                    return TryParseAttribute(value, out var attribute) && AddTo(_attributes, attribute)
                        ? SdpParseError.None
                        : SdpParseError.InvalidAttribute;
                case 'v' or 'o' or 's' or 't' or 'r':
                    return SdpParseError.InvalidLine;
                default:
                    _fields.Add(new SdpField(type, value.ToString()));
                    return SdpParseError.None;
            }
        }

        public SdpMediaDescription Build() =>
            new(_media, _port, _portCount, _protocol, _formats, _connection, [.. _fields], [.. _attributes]);
    }

    private static bool AddTo(List<SdpAttribute> list, SdpAttribute attribute)
    {
        list.Add(attribute);
        return true;
    }

    private static bool TryParseOrigin(ReadOnlySpan<char> value, out SdpOrigin? origin)
    {
        origin = null;
        Span<Range> tokens = stackalloc Range[7];
        if (Tokenize(value, tokens) != 6 ||
            !ulong.TryParse(value[tokens[2]], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        origin = new SdpOrigin(Token(value[tokens[0]]), Token(value[tokens[1]]), version, Token(value[tokens[3]]), Token(value[tokens[4]]),
            Token(value[tokens[5]]));
        return true;
    }

    private static bool TryParseConnection(ReadOnlySpan<char> value, out SdpConnection? connection)
    {
        connection = null;
        Span<Range> tokens = stackalloc Range[4];
        if (Tokenize(value, tokens) != 3)
        {
            return false;
        }

        connection = new SdpConnection(Token(value[tokens[0]]), Token(value[tokens[1]]), Token(value[tokens[2]]));
        return true;
    }

    private static bool TryParseAttribute(ReadOnlySpan<char> value, out SdpAttribute attribute)
    {
        var colon = value.IndexOf(':');
        var name = colon < 0 ? value : value[..colon];
        attribute = new SdpAttribute(AttributeName(name), colon < 0 ? null : value[(colon + 1)..].ToString());
        return !name.IsEmpty && !name.ContainsAny(' ', '\t');
    }

}
