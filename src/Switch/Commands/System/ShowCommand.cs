namespace Switch.Commands.System;

/// <summary>
/// `show channels|calls|registrations [count] [as json]`: parses the words and asks the part that owns
/// the rows to format them. Formatters receive the subject and whether JSON was asked for.
/// </summary>
internal sealed class ShowCommand : IApiCommand
{
    private readonly Dictionary<string, Func<bool, bool, string>> _subjects = new(StringComparer.OrdinalIgnoreCase);

    public string Name => "show";
    public string Syntax => "channels|calls|registrations [count] [as json]";

    /// <summary>Adds a subject; the formatter gets (asJson, countOnly).</summary>
    public ShowCommand Add(string subject, Func<bool, bool, string> format)
    {
        _subjects[subject] = format;
        return this;
    }

    public ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 || !_subjects.TryGetValue(words[0], out var format))
        {
            return ValueTask.FromResult($"-USAGE: {Syntax}\n");
        }
        var asJson = false;
        var count = false;
        for (var i = 1; i < words.Length; i++)
        {
            if (words[i].Equals("count", StringComparison.OrdinalIgnoreCase))
            {
                count = true;
            }
            else if (words[i].Equals("as", StringComparison.OrdinalIgnoreCase) && i + 1 < words.Length
                     && words[i + 1].Equals("json", StringComparison.OrdinalIgnoreCase))
            {
                asJson = true;
                i++;
            }
            else
            {
                return ValueTask.FromResult($"-USAGE: {Syntax}\n");
            }
        }
        return ValueTask.FromResult(format(asJson, count));
    }
}
