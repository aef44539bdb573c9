using Switch.Sip.Message;

namespace Switch.Sip.Transport;

/// <summary>What the transaction layer needs from the transports (implemented by the UDP/TCP transport and by test fakes).</summary>
internal interface ISipTransport
{
    /// <summary>The host:port to put in a Via sent-by for requests sent to <paramref name="target"/>.</summary>
    string GetViaSentBy(SipTarget target);

    /// <summary>Sends a request to a target (over TCP: an existing connection to it, or a new one).</summary>
    ValueTask SendRequestAsync(SipRequest request, SipTarget target, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a response per RFC 3261 §18.2.2 / RFC 3581: over TCP on the connection the request came on (or a new
    /// one to the Via address); over UDP to the received/rport address of the top Via.
    /// </summary>
    ValueTask SendResponseAsync(SipResponse response, SipFlow requestFlow, CancellationToken cancellationToken = default);

    /// <summary>Sends raw bytes (stateless answers to unparseable requests).</summary>
    ValueTask SendRawAsync(ReadOnlyMemory<byte> bytes, SipTarget target, CancellationToken cancellationToken = default);
}
