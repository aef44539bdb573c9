using Switch.EventSocket;

namespace Switch.Client;

/// <summary><c>CHANNEL_EXECUTE_COMPLETE</c>: an application finished on a channel.</summary>
public sealed class ChannelExecuteComplete : ChannelEvent
{
    internal ChannelExecuteComplete(EslEvent raw)
        : base(raw)
    {
    }

    /// <summary><c>Application</c>, e.g. <c>playback</c>.</summary>
    public string? Application => this["Application"];

    /// <summary><c>Application-Data</c>: the argument it ran with.</summary>
    public string? ApplicationData => this["Application-Data"];

    /// <summary><c>Application-Response</c>, e.g. <c>FILE PLAYED</c>; <c>_none_</c> when the app reported nothing.</summary>
    public string? ApplicationResponse => this["Application-Response"];

    /// <summary><c>Application-UUID</c>: the <c>Event-UUID</c> the controller sent with the execute.</summary>
    public string? ApplicationUuid => this["Application-UUID"];

    /// <summary>True when the switch reported the application as failed (a response starting with <c>-ERR</c>).</summary>
    public bool IsError => ApplicationResponse?.StartsWith("-ERR", StringComparison.Ordinal) == true;
}
