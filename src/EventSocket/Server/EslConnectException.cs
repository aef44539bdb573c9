namespace Switch.EventSocket;

/// <summary>An outbound event socket could not connect to its controller.</summary>
public sealed class EslConnectException : IOException
{
    /// <summary>Creates the exception.</summary>
    public EslConnectException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EslConnectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EslConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
