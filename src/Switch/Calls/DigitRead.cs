using System.Globalization;
using Switch.Media;

namespace Switch.Calls;

/// <summary>
/// One play_and_get_digits run: its FreeSWITCH arguments (<c>min max tries timeout_ms terminators prompt
/// invalid_prompt var_name regexp [digit_timeout_ms]</c>), the tries left and the collector of the current try.
/// Owned by the call's mailbox.
/// </summary>
internal sealed class DigitRead
{
    /// <summary>The variable FreeSWITCH uses when play_and_get_digits names none.</summary>
    public const string DefaultVariable = "pagd_input";

    private DigitRead(ApplicationRun run, DigitCollectorOptions options, int tries, string prompt, string? invalidPrompt, string variable)
    {
        Run = run;
        Options = options;
        TriesLeft = tries;
        Prompt = prompt;
        InvalidPrompt = invalidPrompt;
        Variable = variable;
    }

    public ApplicationRun Run { get; }
    public DigitCollectorOptions Options { get; }
    public int TriesLeft { get; set; }
    public string Prompt { get; }
    public string? InvalidPrompt { get; }
    public string Variable { get; }

    /// <summary>The collector of the try in progress; null while the invalid prompt plays.</summary>
    public DigitCollector? Collector { get; set; }

    /// <summary>True while a prompt (first or invalid) plays.</summary>
    public bool Playing { get; set; }

    /// <summary>Parses the application argument; null when it is not usable (too few or non-numeric fields).</summary>
    public static DigitRead? TryParse(ApplicationRun run)
    {
        var args = (run.Data ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (args.Length < 6
            || !TryInt(args[0], out var min) || !TryInt(args[1], out var max) || !TryInt(args[2], out var tries)
            || !TryInt(args[3], out var timeoutMs) || max < 1 || min > max)
        {
            return null;
        }
        var terminators = args[4].Equals("none", StringComparison.OrdinalIgnoreCase) ? string.Empty : args[4];
        var invalid = args.Length > 6 && !args[6].Equals("undef", StringComparison.OrdinalIgnoreCase) ? args[6] : null;
        var variable = args.Length > 7 && !args[7].Equals("undef", StringComparison.OrdinalIgnoreCase) ? args[7] : DefaultVariable;
        var regex = args.Length > 8 && !args[8].Equals("undef", StringComparison.OrdinalIgnoreCase) ? args[8] : null;
        TimeSpan? digitTimeout = args.Length > 9 && TryInt(args[9], out var dt) && dt > 0 ? TimeSpan.FromMilliseconds(dt) : null;
        var options = new DigitCollectorOptions(min, max)
        {
            Timeout = TimeSpan.FromMilliseconds(Math.Max(1, timeoutMs)),
            DigitTimeout = digitTimeout,
            Terminators = terminators,
            ValidationPattern = regex,
        };
        return new DigitRead(run, options, Math.Max(1, tries), args[5], invalid, variable);
    }

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
