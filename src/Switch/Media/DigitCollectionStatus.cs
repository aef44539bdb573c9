namespace Switch.Media;

/// <summary>Why digit collection ended.</summary>
internal enum DigitCollectionStatus
{
    /// <summary>MaxDigits reached.</summary>
    MaxDigits,

    /// <summary>A terminator key was pressed.</summary>
    Terminated,

    /// <summary>No (further) digit within the timeout.</summary>
    Timeout,

    /// <summary>Cancelled (hangup, break).</summary>
    Cancelled,
}
