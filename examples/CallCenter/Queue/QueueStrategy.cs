namespace Switch.Examples.CallCenter;

/// <summary>Which agent gets the next caller.</summary>
internal enum QueueStrategy
{
    /// <summary>The available agent who has been idle longest.</summary>
    LongestIdle = 0,

    /// <summary>The next available agent after the one offered last, in login order.</summary>
    RoundRobin = 1,

    /// <summary>Every available agent at once; the first to answer takes the call.</summary>
    RingAll = 2,
}
