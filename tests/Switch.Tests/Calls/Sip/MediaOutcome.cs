namespace Switch.Tests.Calls.Sip;

/// <summary>What the next media allocation does.</summary>
internal enum MediaOutcome
{
    /// <summary>A working <see cref="FakeMedia"/>.</summary>
    Allocated,

    /// <summary>No port: TryCreate returns false.</summary>
    Exhausted,

    /// <summary>A port is allocated, then the media fails as soon as the leg uses it (a bug or a fault after allocation).</summary>
    Faulty,
}
