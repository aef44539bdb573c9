namespace Switch.Client;

/// <summary>Raised by <see cref="EventSocketClient.Reconnected"/> once a new connection is up and subscriptions are restored.</summary>
/// <param name="Attempts">How many attempts it took.</param>
/// <param name="Resumed">True when the switch replayed the events missed while away (<c>event resume</c>).</param>
/// <param name="ReplayedEvents">How many events the switch replayed (0 when not resumed).</param>
/// <param name="MissedEvents">Events no longer available to replay; null when unknown (no resume).</param>
public sealed record ReconnectedEventArgs(int Attempts, bool Resumed, long ReplayedEvents, long? MissedEvents);
