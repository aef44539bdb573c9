namespace Switch.Client;

/// <summary>
/// The channel hung up (or, for an originate, never came up) before the awaited step happened.
/// <see cref="Cause"/> says why, e.g. <see cref="HangupCause.UserBusy"/> or <see cref="HangupCause.NoAnswer"/>.
/// </summary>
public sealed class ChannelHangupException : EventSocketException
{
    /// <summary>Creates the exception.</summary>
    public ChannelHangupException()
        : base("The channel hung up.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ChannelHangupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ChannelHangupException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for channel <paramref name="uniqueId"/> ended by <paramref name="causeName"/>.</summary>
    public ChannelHangupException(string uniqueId, HangupCause cause, string causeName)
        : base($"Channel {uniqueId} hung up: {causeName}")
    {
        UniqueId = uniqueId;
        Cause = cause;
        CauseName = causeName;
    }

    /// <summary>The channel's <c>Unique-ID</c>.</summary>
    public string? UniqueId { get; }

    /// <summary>Why it ended (<see cref="HangupCause.None"/> when the name was not a known cause).</summary>
    public HangupCause Cause { get; }

    /// <summary>The cause as the switch named it.</summary>
    public string? CauseName { get; }
}
