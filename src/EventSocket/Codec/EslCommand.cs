namespace Switch.EventSocket;

/// <summary>
/// One client→server command as FS reads it: the command line (verb and arguments, up to the first CR/LF),
/// the following <c>name: value</c> headers (values raw, leading spaces skipped) and the optional body read by
/// <c>content-length</c>.
/// </summary>
public sealed class EslCommand
{
    /// <summary>Creates a command.</summary>
    public EslCommand(string line, IReadOnlyList<KeyValuePair<string, string>> headers, string? body)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(headers);
        Line = line;
        Headers = headers;
        Body = body;
    }

    /// <summary>The command line, e.g. <c>api status</c> or <c>event plain ALL</c>.</summary>
    public string Line { get; }

    /// <summary>Headers after the command line, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The body (<c>content-length</c> bytes, UTF-8 decoded), or null.</summary>
    public string? Body { get; }

    /// <summary>First header named <paramref name="name"/>, case-insensitive.</summary>
    public string? GetHeader(string name)
    {
        for (var i = 0; i < Headers.Count; i++)
        {
            if (string.Equals(Headers[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return Headers[i].Value;
            }
        }

        return null;
    }

    /// <summary>True when the line starts with <paramref name="verb"/> (case-insensitive prefix match, as FS's strncasecmp).</summary>
    public bool Is(string verb) => Line.StartsWith(verb, StringComparison.OrdinalIgnoreCase);

    /// <summary>Text after <paramref name="verb"/> and following spaces; empty when none.</summary>
    public string ArgumentsAfter(string verb)
    {
        if (Line.Length <= verb.Length)
        {
            return string.Empty;
        }

        return Line.AsSpan(verb.Length).TrimStart(' ').ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Line;
}
