namespace Switch.Calls;

/// <summary>
/// A channel's variable_* headers with the variable names they were built from. Immutable: events share the headers
/// by reference for as long as the channel's variables stay the same (names compared by reference: a channel keeps
/// the name string it was first given, so a match is one comparison per variable).
/// </summary>
internal sealed class VariableHeaderBlock
{
    private readonly string[] _names;

    private VariableHeaderBlock(string[] names, KeyValuePair<string, string>[] headers)
    {
        _names = names;
        Headers = headers;
    }

    /// <summary>variable_&lt;name&gt; and the value of every variable in insertion order; never changed.</summary>
    public KeyValuePair<string, string>[] Headers { get; }

    /// <summary>True when <paramref name="variables"/> holds exactly these names and values, in this order.</summary>
    public bool Matches(ChannelVariables variables)
    {
        var names = _names;
        if (names.Length != variables.Count)
        {
            return false;
        }
        var headers = Headers;
        var i = 0;
        foreach (var (name, value) in variables)
        {
            if (!ReferenceEquals(names[i], name)
                || (!ReferenceEquals(headers[i].Value, value) && !string.Equals(headers[i].Value, value, StringComparison.Ordinal)))
            {
                return false;
            }
            i++;
        }
        return true;
    }

    /// <summary>
    /// The block of <paramref name="variables"/> as they are now. Header names come from <paramref name="previous"/>
    /// where the same name sits at the same place or one further (a variable removed before it), else from
    /// <see cref="VariableHeaderNames"/>; the names array of <paramref name="previous"/> is shared when no name changed.
    /// </summary>
    public static VariableHeaderBlock Build(ChannelVariables variables, VariableHeaderBlock? previous)
    {
        var count = variables.Count;
        var headers = new KeyValuePair<string, string>[count];
        var before = previous?._names ?? [];
        var beforeHeaders = previous?.Headers ?? [];
        var sameNames = before.Length == count;
        string[]? names = null;
        var i = 0;
        var j = 0;
        foreach (var (name, value) in variables)
        {
            string header;
            if (j < before.Length && ReferenceEquals(before[j], name))
            {
                header = beforeHeaders[j++].Key;
            }
            else if (j + 1 < before.Length && ReferenceEquals(before[j + 1], name))
            {
                header = beforeHeaders[j + 1].Key;
                j += 2;
            }
            else
            {
                header = VariableHeaderNames.Of(name);
            }
            if (sameNames && !ReferenceEquals(before[i], name))
            {
                sameNames = false;
            }
            if (!sameNames)
            {
                names ??= CopyNames(before, i, count);
                names[i] = name;
            }
            headers[i++] = new KeyValuePair<string, string>(header, value);
        }
        return new VariableHeaderBlock(names ?? before, headers);
    }

    /// <summary>A names array of <paramref name="count"/> holding the first <paramref name="same"/> names of <paramref name="before"/>.</summary>
    private static string[] CopyNames(string[] before, int same, int count)
    {
        var names = new string[count];
        before.AsSpan(0, same).CopyTo(names);
        return names;
    }
}
