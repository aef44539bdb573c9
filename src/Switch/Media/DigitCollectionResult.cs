namespace Switch.Media;

/// <summary>
/// Collected digits (terminator excluded), why collection ended, the terminator pressed, and whether the input
/// is valid: MinDigits ≤ length ≤ MaxDigits and matching the validation pattern.
/// </summary>
internal sealed record DigitCollectionResult(string Digits, DigitCollectionStatus Status, char? Terminator, bool IsValid);
