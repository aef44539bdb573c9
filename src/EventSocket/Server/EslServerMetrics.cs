using System.Diagnostics.Metrics;

namespace Switch.EventSocket;

/// <summary>Counters of the event socket, published on the <see cref="Meter"/> named <c>Switch.EventSocket</c>.</summary>
internal sealed class EslServerMetrics : IDisposable
{
    public const string MeterName = "Switch.EventSocket";
    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public EslServerMetrics(IMeterFactory? factory)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _ownsMeter = factory is null;
        Connections = _meter.CreateCounter<long>("esl.connections", description: "ESL connections accepted (inbound) or made (outbound).");
        Rejected = _meter.CreateCounter<long>("esl.connections.rejected", description: "Inbound connections refused by ACL, auth throttle or connection limit.");
        ActiveConnections = _meter.CreateUpDownCounter<long>("esl.connections.active", description: "Open ESL connections.");
        Commands = _meter.CreateCounter<long>("esl.commands", description: "Commands received.");
        AuthFailures = _meter.CreateCounter<long>("esl.auth.failures", description: "Failed auth/userauth attempts.");
        EventsDelivered = _meter.CreateCounter<long>("esl.events.delivered", description: "Event frames written to clients.");
        EventsLost = _meter.CreateCounter<long>("esl.events.lost", description: "Events and log lines dropped because a client queue was full.");
        SlowConsumersKilled = _meter.CreateCounter<long>("esl.connections.killed", description: "Connections closed because they lost too many events.");
    }

    public Meter Meter => _meter;

    public Counter<long> Connections { get; }

    public Counter<long> Rejected { get; }

    public UpDownCounter<long> ActiveConnections { get; }

    public Counter<long> Commands { get; }

    public Counter<long> AuthFailures { get; }

    public Counter<long> EventsDelivered { get; }

    public Counter<long> EventsLost { get; }

    public Counter<long> SlowConsumersKilled { get; }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
