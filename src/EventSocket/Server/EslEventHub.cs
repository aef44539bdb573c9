namespace Switch.EventSocket;

/// <summary>
/// Fans events out to connections. Publishing takes one short lock so that the journal order equals the live
/// delivery order on every connection (which makes <c>event resume</c> exact); inside it each connection only
/// does a subscription check and a non-blocking enqueue. The connections wanting one format share one
/// <see cref="EslDelivery"/>: the event is serialized once per format, into a pooled buffer.
/// </summary>
internal sealed class EslEventHub
{
    private readonly Lock _lock = new();
    private readonly EslJournal _journal;
    private EslConnection[] _connections = [];

    public EslEventHub(int journalCapacity, long journalBytes)
    {
        _journal = new EslJournal(journalCapacity, journalBytes);
    }

    public int ConnectionCount => Volatile.Read(ref _connections).Length;

    /// <summary>What the connections have asked for so far (see <see cref="EslInterest"/>).</summary>
    public EslInterest Interest { get; } = new();

    public IReadOnlyList<EslConnection> Connections => Volatile.Read(ref _connections);

    public void Publish(EslEvent evt)
    {
        lock (_lock)
        {
            _journal.Add(evt);
            var fanOut = new EslFanOut(evt);
            var connections = _connections;
            for (var i = 0; i < connections.Length; i++)
            {
                connections[i].OfferEvent(ref fanOut);
            }

            fanOut.Complete();
        }
    }

    public void PublishLog(EslLogLine line)
    {
        var connections = Volatile.Read(ref _connections);
        for (var i = 0; i < connections.Length; i++)
        {
            connections[i].OfferLog(line);
        }
    }

    public void Add(EslConnection connection)
    {
        lock (_lock)
        {
            _connections = [.. _connections, connection];
        }
    }

    public void Remove(EslConnection connection)
    {
        lock (_lock)
        {
            var index = Array.IndexOf(_connections, connection);
            if (index < 0)
            {
                return;
            }

            var next = new EslConnection[_connections.Length - 1];
            Array.Copy(_connections, 0, next, 0, index);
            Array.Copy(_connections, index + 1, next, index, next.Length - index);
            _connections = next;
        }
    }

    /// <summary>Runs <paramref name="splice"/> with the journal events after <paramref name="sequence"/> while no event can be published.</summary>
    public void Resume(long sequence, Action<List<EslEvent>, long> splice)
    {
        lock (_lock)
        {
            var events = _journal.After(sequence, out var missing);
            splice(events, missing);
        }
    }
}
