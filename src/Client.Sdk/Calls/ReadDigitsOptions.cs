namespace Switch.Client;

/// <summary>Arguments of <c>play_and_get_digits</c> (<see cref="Channel.ReadDigitsAsync"/>).</summary>
public sealed record ReadDigitsOptions
{
    /// <summary>Fewest digits accepted.</summary>
    public int MinDigits { get; init; } = 1;

    /// <summary>Most digits collected.</summary>
    public int MaxDigits { get; init; } = 1;

    /// <summary>How many times the prompt is played.</summary>
    public int Tries { get; init; } = 3;

    /// <summary>Wait for the first digit after each prompt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Digits that end input early.</summary>
    public string Terminators { get; init; } = "#";

    /// <summary>The prompt (file path or <c>tone_stream://…</c>).</summary>
    public string Prompt { get; init; } = "silence_stream://250";

    /// <summary>Played after invalid input; <c>silence_stream://250</c> when null.</summary>
    public string? InvalidPrompt { get; init; }

    /// <summary>Channel variable that receives the digits.</summary>
    public string VariableName { get; init; } = "read_digits_result";

    /// <summary>Regular expression the input must match.</summary>
    public string Regex { get; init; } = "\\d+";

    /// <summary>Wait between digits; the switch's default when null.</summary>
    public TimeSpan? DigitTimeout { get; init; }
}
