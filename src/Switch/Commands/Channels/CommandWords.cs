namespace Switch.Commands.Channels;

/// <summary>
/// Splits api arguments on spaces as FreeSWITCH's switch_separate_string does for these commands, but
/// keeping quoted text and {} [] &lt;&gt; () groups whole (a dial string or an &amp;app(args) is one word).
/// With <c>max</c>, the last word takes the rest of the line.
/// </summary>
internal static class CommandWords
{
    public static List<string> Split(string? text, int max = int.MaxValue)
    {
        var words = new List<string>();
        var s = text ?? string.Empty;
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }
            if (i >= s.Length)
            {
                break;
            }
            if (words.Count == max - 1)
            {
                words.Add(s[i..].TrimEnd());
                break;
            }
            var start = i;
            var depth = 0;
            var quote = '\0';
            for (; i < s.Length; i++)
            {
                var c = s[i];
                if (quote != '\0')
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
                else if (c is '{' or '[' or '<' or '(')
                {
                    depth++;
                }
                else if (c is '}' or ']' or '>' or ')' && depth > 0)
                {
                    depth--;
                }
                else if (c == ' ' && depth == 0)
                {
                    break;
                }
            }
            words.Add(s[start..i]);
        }
        return words;
    }
}
