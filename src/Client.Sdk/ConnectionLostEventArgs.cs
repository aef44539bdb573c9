namespace Switch.Client;

/// <summary>Raised by <see cref="EventSocketClient.ConnectionLost"/>.</summary>
/// <param name="Reason">What ended the connection (null for a clean close by the switch).</param>
/// <param name="WillReconnect">True when the client is going to reconnect.</param>
public sealed record ConnectionLostEventArgs(Exception? Reason, bool WillReconnect);
