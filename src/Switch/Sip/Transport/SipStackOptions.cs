using System.Net;
using Switch.Sip.Message;
using Switch.Sip.Transactions;

namespace Switch.Sip.Transport;

/// <summary>Everything a <see cref="SipStack"/> needs to start.</summary>
internal sealed record SipStackOptions
{
    /// <summary>Addresses to listen on with both UDP and TCP (port 0 picks a free port).</summary>
    public IReadOnlyList<IPEndPoint> ListenEndPoints { get; init; } = [new IPEndPoint(IPAddress.Any, 5060)];

    public SipTransportOptions Transport { get; init; } = new();

    public SipTransactionOptions Transactions { get; init; } = new();

    public SipValidationOptions Validation { get; init; } = new();

    /// <summary>Start with siptrace on.</summary>
    public bool TraceEnabled { get; init; }
}
