namespace Switch.Examples.CallCenter;

/// <summary>Where a caller is.</summary>
internal enum CallerState
{
    Waiting = 0,
    Offering = 1,
    Connected = 2,
}
