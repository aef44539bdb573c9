namespace Switch.EventSocket;

/// <summary>
/// Which events any connection has ever asked for since the server started: the host asks it before building
/// an event (<see cref="EslServer.Wants"/>), so that events no client listens to cost nothing. It only grows
/// (a client that reconnects and sends <c>event resume</c> finds in the journal every event of the kinds it had
/// asked for), and it errs towards yes: <c>ALL</c>, <c>myevents</c> (every event of one channel) and names it
/// does not know count as wanted.
/// </summary>
internal sealed class EslInterest
{
    private readonly bool[] _types = new bool[EslEventNames.All.Count];
    private readonly Lock _lock = new();
    private volatile bool _all;
    private volatile bool _anyCustom;
    private volatile HashSet<string> _subclasses = new(StringComparer.Ordinal);

    /// <summary>Adds what <paramref name="subscription"/> listens to.</summary>
    public void Note(EslSubscription subscription)
    {
        if (!subscription.Listening || _all)
        {
            return;
        }
        if (subscription.MyEventsUuid is not null || subscription.HasType(EslEventNames.AllIndex))
        {
            _all = true;
            return;
        }
        lock (_lock)
        {
            for (var i = 0; i < _types.Length; i++)
            {
                if (subscription.HasType(i))
                {
                    Volatile.Write(ref _types[i], true);
                }
            }
            if (subscription.HasType(EslEventNames.Custom))
            {
                if (subscription.Subclasses.Count == 0)
                {
                    _anyCustom = true;
                }
                else
                {
                    _subclasses = new HashSet<string>(_subclasses.Concat(subscription.Subclasses), StringComparer.Ordinal);
                }
            }
        }
    }

    /// <summary>True when some connection asked, now or earlier, for events named <paramref name="eventName"/>.</summary>
    public bool Wants(string eventName, string? subclass = null)
    {
        if (_all)
        {
            return true;
        }
        var index = EslEventNames.IndexOf(eventName);
        if (index < 0)
        {
            return true;
        }
        if (!Volatile.Read(ref _types[index]))
        {
            return false;
        }
        return index != EslEventNames.Custom || subclass is null || _anyCustom || _subclasses.Contains(subclass);
    }
}
