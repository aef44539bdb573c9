namespace Switch.Client;

/// <summary>
/// The connection to the switch is gone (or was never up): raised for every command still waiting for its reply,
/// background job or application completion when the socket closes, and for commands issued while disconnected.
/// </summary>
public sealed class EventSocketDisconnectedException : EventSocketException
{
    /// <summary>Creates the exception.</summary>
    public EventSocketDisconnectedException()
        : base("The event socket connection is closed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EventSocketDisconnectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and what closed the connection.</summary>
    public EventSocketDisconnectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
