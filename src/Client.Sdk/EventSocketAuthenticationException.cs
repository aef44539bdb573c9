namespace Switch.Client;

/// <summary>The switch refused the connection: wrong password (<c>-ERR invalid</c>) or an ACL rejection (<c>text/rude-rejection</c>).</summary>
public sealed class EventSocketAuthenticationException : EventSocketException
{
    /// <summary>Creates the exception.</summary>
    public EventSocketAuthenticationException()
        : base("The event socket refused authentication.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EventSocketAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public EventSocketAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
