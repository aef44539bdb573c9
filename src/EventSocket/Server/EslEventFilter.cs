using System.Text.RegularExpressions;

namespace Switch.EventSocket;

/// <summary>
/// One <c>filter &lt;Header&gt; &lt;value&gt;</c> entry. A value starting with <c>-</c> excludes, <c>+</c> (or nothing)
/// includes; after those signs, a value starting with <c>/</c> is a regular expression (between the slashes),
/// otherwise matching is case-insensitive equality — as FS's event_handler does it.
/// </summary>
internal sealed class EslEventFilter
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(50);
    private readonly string _compare;
    private readonly Regex? _regex;

    private EslEventFilter(string header, string value, bool positive, string compare, Regex? regex)
    {
        Header = header;
        Value = value;
        Positive = positive;
        _compare = compare;
        _regex = regex;
    }

    public string Header { get; }

    /// <summary>The value as the client typed it (used by <c>filter delete</c>).</summary>
    public string Value { get; }

    public bool Positive { get; }

    /// <summary>Builds a filter; null when the regular expression does not compile.</summary>
    public static EslEventFilter? Create(string header, string value)
    {
        var positive = true;
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c == '+')
            {
                positive = true;
            }
            else if (c == '-')
            {
                positive = false;
            }
            else if (c != ' ')
            {
                break;
            }

            i++;
        }

        var compare = value[i..];
        Regex? regex = null;
        if (compare.StartsWith('/'))
        {
            var pattern = compare.Length > 1 && compare.EndsWith('/') ? compare[1..^1] : compare[1..];
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return new EslEventFilter(header, value, positive, compare, regex);
    }

    public bool Matches(string headerValue)
    {
        if (_regex is null)
        {
            return string.Equals(headerValue, _compare, StringComparison.OrdinalIgnoreCase);
        }

        try
        {
            return _regex.IsMatch(headerValue);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>FS semantics: delivered when some positive filter matches and no negative filter matches a present header.</summary>
    public static bool Passes(EslEventFilter[] filters, EslEvent evt)
    {
        var send = false;
        foreach (var filter in filters)
        {
            var value = evt.GetHeader(filter.Header);
            if (value is null)
            {
                continue;
            }

            if (send && filter.Positive)
            {
                continue;
            }

            if (filter.Matches(value))
            {
                if (!filter.Positive)
                {
                    return false;
                }

                send = true;
            }
        }

        return send;
    }
}
