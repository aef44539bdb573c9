using System.Text;

namespace Switch.Calls;

/// <summary>
/// Parses FreeSWITCH dial strings (switch_ivr_originate's grammar, the parts this switch supports):
/// leading <c>{k=v,...}</c> (and <c>&lt;k=v&gt;</c>, treated the same) for every leg; <c>[k=v,...]</c> before one
/// endpoint; values optionally single- or double-quoted; <c>\,</c> escapes a comma; a block starting with
/// <c>^^c</c> uses c as separator; ',' rings at once, '|' tries one group after another. Endpoints:
/// <c>user/id[@domain]</c>, <c>sofia/profile/target</c>, <c>error/CAUSE</c>. Never throws.
/// </summary>
internal static class DialStringParser
{
    /// <summary>Slots of recently parsed dial strings; a power of two.</summary>
    internal const int RecentSlots = 64;

    /// <summary>Longer dial strings are parsed every time (the table stays small whatever is dialled).</summary>
    internal const int MaxRecentLength = 512;

    private static readonly KeyValuePair<string, string>[] NoVariables = [];
    private static readonly DialString Nothing = new(NoVariables, []);
    private static readonly Recent?[] RecentParses = new Recent?[RecentSlots];

    /// <summary>
    /// Parses a dial string. A string parsed lately (calls are bridged to the same few dial strings again and
    /// again) comes from a small table of recent parses: a <see cref="DialString"/> is immutable, so they share it.
    /// </summary>
    public static bool TryParse(string? text, out DialString dialString, out string error)
    {
        if (text is { Length: > 0 and <= MaxRecentLength })
        {
            ref var slot = ref RecentParses[text.GetHashCode(StringComparison.Ordinal) & (RecentSlots - 1)];
            if (Volatile.Read(ref slot) is { } recent && string.Equals(recent.Text, text, StringComparison.Ordinal))
            {
                dialString = recent.DialString;
                error = string.Empty;
                return true;
            }
            if (!TryParseText(text, out dialString, out error))
            {
                return false;
            }
            Volatile.Write(ref slot, new Recent(text, dialString));
            return true;
        }
        return TryParseText(text, out dialString, out error);
    }

    private static bool TryParseText(string? text, out DialString dialString, out string error)
    {
        dialString = Nothing;
        error = string.Empty;
        var s = (text ?? string.Empty).Trim();
        if (s.Length == 0)
        {
            error = "empty dial string";
            return false;
        }

        var globals = new List<KeyValuePair<string, string>>();
        while (s.Length > 0 && (s[0] == '{' || s[0] == '<'))
        {
            var close = s[0] == '{' ? '}' : '>';
            if (!TryReadBlock(s, 0, close, out var body, out var next, out error)
                || !TryParseVariables(body, globals, out error))
            {
                return false;
            }
            s = s[next..].TrimStart();
        }
        if (s.Contains(":_:", StringComparison.Ordinal))
        {
            error = "':_:' (independent originate groups) is not supported";
            return false;
        }
        if (s.Length == 0)
        {
            error = "dial string has variables but no endpoint";
            return false;
        }

        var groups = new List<DialGroup>();
        foreach (var groupText in SplitTopLevel(s, '|'))
        {
            var targets = new List<DialTarget>();
            foreach (var targetText in SplitTopLevel(groupText, ','))
            {
                if (!TryParseTarget(targetText.Trim(), out var target, out error))
                {
                    return false;
                }
                targets.Add(target);
            }
            groups.Add(new DialGroup(targets.ToArray()));
        }
        dialString = new DialString(globals.ToArray(), groups.ToArray()) { Text = text!.Trim() };
        return true;
    }

    private static bool TryParseTarget(string text, out DialTarget target, out string error)
    {
        target = new DialTarget(new ErrorEndpoint(HangupCause.NormalClearing), NoVariables);
        error = string.Empty;
        var vars = new List<KeyValuePair<string, string>>();
        while (text.Length > 0 && text[0] == '[')
        {
            if (!TryReadBlock(text, 0, ']', out var body, out var next, out error) || !TryParseVariables(body, vars, out error))
            {
                return false;
            }
            text = text[next..].TrimStart();
        }
        if (text.Length == 0)
        {
            error = "empty endpoint";
            return false;
        }
        if (text[0] is '{' or '<')
        {
            error = $"'{text[0]}...' variables are only allowed at the start of the dial string";
            return false;
        }
        if (!TryParseEndpoint(text, out var endpoint, out error))
        {
            return false;
        }
        target = new DialTarget(endpoint, vars.Count == 0 ? NoVariables : vars.ToArray());
        return true;
    }

    private static bool TryParseEndpoint(string text, out DialEndpoint endpoint, out string error)
    {
        endpoint = new ErrorEndpoint(HangupCause.NormalClearing);
        error = string.Empty;
        if (text.Any(char.IsWhiteSpace))
        {
            error = $"endpoint '{text}' contains white space";
            return false;
        }
        var slash = text.IndexOf('/');
        if (slash <= 0 || slash == text.Length - 1)
        {
            error = $"endpoint '{text}' is not <type>/<target>";
            return false;
        }
        var kind = text[..slash];
        var rest = text[(slash + 1)..];
        if (kind.Equals("user", StringComparison.OrdinalIgnoreCase))
        {
            var at = rest.IndexOf('@');
            var user = at < 0 ? rest : rest[..at];
            var domain = at < 0 ? null : rest[(at + 1)..];
            if (user.Length == 0 || domain is { Length: 0 } || rest.IndexOf('/') >= 0)
            {
                error = $"endpoint '{text}' is not user/<id>[@<domain>]";
                return false;
            }
            endpoint = new UserEndpoint(user, domain);
            return true;
        }
        if (kind.Equals("sofia", StringComparison.OrdinalIgnoreCase))
        {
            var profileEnd = rest.IndexOf('/');
            if (profileEnd <= 0 || profileEnd == rest.Length - 1)
            {
                error = $"endpoint '{text}' is not sofia/<profile>/<target>";
                return false;
            }
            var profile = rest[..profileEnd];
            var uri = rest[(profileEnd + 1)..];
            if (profile.Equals("gateway", StringComparison.OrdinalIgnoreCase))
            {
                error = "sofia/gateway/... endpoints are not supported";
                return false;
            }
            if (!uri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && !uri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
            {
                uri = "sip:" + uri;
            }
            var hostStart = uri.IndexOf(':') + 1;
            if (hostStart >= uri.Length || uri[hostStart] is '@' or ';' || uri.EndsWith('@'))
            {
                error = $"endpoint '{text}' has no host";
                return false;
            }
            endpoint = new SofiaEndpoint(profile, uri);
            return true;
        }
        if (kind.Equals("error", StringComparison.OrdinalIgnoreCase))
        {
            endpoint = new ErrorEndpoint(HangupCauses.Parse(rest));
            return true;
        }
        error = $"endpoint type '{kind}' is not supported (use user/ or sofia/)";
        return false;
    }

    /// <summary>Reads a bracketed block starting at <paramref name="start"/>; quotes may hide the closing character.</summary>
    private static bool TryReadBlock(string s, int start, char close, out string body, out int next, out string error)
    {
        body = string.Empty;
        next = start;
        error = string.Empty;
        var quote = '\0';
        for (var i = start + 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length)
            {
                i++;
            }
            else if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == close)
            {
                body = s[(start + 1)..i];
                next = i + 1;
                return true;
            }
        }
        error = $"unterminated '{s[start]}' block";
        return false;
    }

    /// <summary>Parses <c>k=v,k2='v 2'</c> (or <c>^^:k=v:k2=v2</c>) into <paramref name="into"/>.</summary>
    private static bool TryParseVariables(string body, List<KeyValuePair<string, string>> into, out string error)
    {
        error = string.Empty;
        var separator = ',';
        if (body.StartsWith("^^", StringComparison.Ordinal))
        {
            if (body.Length < 3)
            {
                error = "'^^' needs a separator character";
                return false;
            }
            separator = body[2];
            body = body[3..];
        }
        foreach (var item in SplitVariables(body, separator))
        {
            if (item.Length == 0)
            {
                continue;
            }
            var eq = item.IndexOf('=');
            if (eq <= 0)
            {
                error = $"variable '{item}' is not name=value";
                return false;
            }
            var name = item[..eq].Trim();
            if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c is '{' or '}' or '[' or ']'))
            {
                error = $"bad variable name '{name}'";
                return false;
            }
            into.Add(new KeyValuePair<string, string>(Literal(name), Literal(Unquote(item[(eq + 1)..].Trim()))));
        }
        return true;
    }

    /// <summary>Splits variable items on the separator, honouring quotes and backslash escapes (which are removed).</summary>
    private static List<string> SplitVariables(string body, char separator)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        var quote = '\0';
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length && (body[i + 1] == separator || body[i + 1] is '\'' or '"' or '\\'))
            {
                current.Append(body[++i]);
                continue;
            }
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '\'' or '"' && current.ToString().TrimEnd().EndsWith('='))
            {
                quote = c;
            }
            else if (c == separator)
            {
                items.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        items.Add(current.ToString().Trim());
        return items;
    }

    /// <summary>
    /// The literal with the same text when the program has one (variable names such as bypass_media, values such
    /// as true), so that a leg keeps no copy of its own for as long as it lives; else the string itself. Only
    /// looks the intern pool up: nothing is added to it.
    /// </summary>
    private static string Literal(string text) => string.IsInterned(text) ?? text;

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] is '\'' or '"') && value[^1] == value[0] ? value[1..^1] : value;

    /// <summary>Splits on a separator outside [] {} blocks and quotes.</summary>
    private static IEnumerable<string> SplitTopLevel(string s, char separator)
    {
        var depth = 0;
        var quote = '\0';
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length)
            {
                i++;
            }
            else if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '\'' or '"' && depth > 0)
            {
                quote = c;
            }
            else if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}' && depth > 0)
            {
                depth--;
            }
            else if (c == separator && depth == 0)
            {
                yield return s[start..i];
                start = i + 1;
            }
        }
        yield return s[start..];
    }

    private sealed record Recent(string Text, DialString DialString);
}
