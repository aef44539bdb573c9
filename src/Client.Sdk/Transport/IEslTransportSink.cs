using Switch.EventSocket;

namespace Switch.Client;

/// <summary>Receives what the transport's reader loop reads besides replies. Called on the reader loop: never block.</summary>
internal interface IEslTransportSink
{
    /// <summary>An event frame (plain, json or xml) parsed into an event.</summary>
    void OnEvent(EslTransport source, EslEvent evt);

    /// <summary>Anything else: greeting, disconnect or linger notice, log data, an unsolicited reply.</summary>
    void OnMessage(EslTransport source, EslMessage message);
}
