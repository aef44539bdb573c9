namespace Switch.Media;

/// <summary>
/// Rules for collecting digits, as FreeSWITCH's play_and_get_digits takes them: min/max digits, the wait for
/// the first digit (<see cref="Timeout"/>) and between digits (<see cref="DigitTimeout"/>), terminator keys and
/// an optional regular expression the digits must match.
/// </summary>
internal sealed record DigitCollectorOptions(int MinDigits = 1, int MaxDigits = 1)
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Inter-digit timeout; null = <see cref="Timeout"/>.</summary>
    public TimeSpan? DigitTimeout { get; init; }

    /// <summary>Keys that end input without being part of it (FreeSWITCH default "#"); empty for none.</summary>
    public string Terminators { get; init; } = "#";

    /// <summary>A .NET regular expression the digits must match to be valid (FreeSWITCH digits_regex).</summary>
    public string? ValidationPattern { get; init; }
}
