namespace Switch.Client;

/// <summary>Base of every error the event socket client raises.</summary>
public class EventSocketException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EventSocketException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EventSocketException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public EventSocketException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
