namespace Switch.EventSocket;

/// <summary>
/// Immutable snapshot of what one connection receives: format, event types (FS's <c>event_list</c>), CUSTOM
/// subclasses, filters and the <c>myevents</c> channel. Commands build a new snapshot; publisher threads read the
/// current one without locking.
/// </summary>
internal sealed class EslSubscription
{
    private readonly bool[] _types;
    private readonly HashSet<string> _subclasses;

    public static EslSubscription Empty { get; } = new(EslEventFormat.Plain, new bool[EslEventNames.All.Count], new HashSet<string>(StringComparer.Ordinal), [], null, false);

    private EslSubscription(EslEventFormat format, bool[] types, HashSet<string> subclasses, EslEventFilter[] filters, string? myEventsUuid, bool listening)
    {
        Format = format;
        _types = types;
        _subclasses = subclasses;
        Filters = filters;
        MyEventsUuid = myEventsUuid;
        Listening = listening;
        var any = false;
        foreach (var t in types)
        {
            any |= t;
        }

        AnyType = any;
    }

    public EslEventFormat Format { get; }

    public EslEventFilter[] Filters { get; }

    /// <summary>Channel uuid set by <c>myevents</c>: only events whose Unique-ID is this uuid are delivered.</summary>
    public string? MyEventsUuid { get; }

    /// <summary>FS's LFLAG_EVENTS: set by event/nixevent/myevents, cleared by noevents.</summary>
    public bool Listening { get; }

    public bool AnyType { get; }

    public bool HasType(int index) => index >= 0 && _types[index];

    public bool HasSubclass(string subclass) => _subclasses.Contains(subclass);

    /// <summary>The CUSTOM subclasses asked for (empty: every CUSTOM event).</summary>
    public IReadOnlyCollection<string> Subclasses => _subclasses;

    /// <summary>FS event_handler: type/subclass, then filters, then the myevents channel.</summary>
    public bool Wants(EslEvent evt)
    {
        if (!AnyType || !Listening)
        {
            return false;
        }

        var index = evt.TypeIndex;
        bool send;
        if (_types[EslEventNames.AllIndex])
        {
            send = true;
        }
        else if (index >= 0 && _types[index])
        {
            send = index != EslEventNames.Custom || evt.EventSubclass is not { } subclass || _subclasses.Contains(subclass);
        }
        else
        {
            send = false;
        }

        if (!send)
        {
            return false;
        }

        if (Filters.Length > 0 && !EslEventFilter.Passes(Filters, evt))
        {
            return false;
        }

        if (MyEventsUuid is { } uuid)
        {
            var unique = evt.UniqueId;
            if (!string.Equals(unique, uuid, StringComparison.Ordinal))
            {
                // A bgapi job issued by this session-bound connection is still delivered.
                return index == BackgroundJobIndex && string.Equals(evt.GetHeader(EslHeaderNames.JobOwnerUuid), uuid, StringComparison.Ordinal);
            }
        }

        return true;
    }

    private static readonly int BackgroundJobIndex = EslEventNames.IndexOf("BACKGROUND_JOB");

    public EslSubscription WithFormat(EslEventFormat format) => new(format, _types, _subclasses, Filters, MyEventsUuid, Listening);

    public EslSubscription WithFilters(EslEventFilter[] filters) => new(Format, _types, _subclasses, filters, MyEventsUuid, Listening);

    /// <summary>
    /// Applies <c>event</c> tokens (after the optional format word): known names set types (<c>ALL</c> sets every type),
    /// tokens after <c>CUSTOM</c> are subclasses, empty and unknown tokens are ignored. <paramref name="keyCount"/> counts
    /// recognised names.
    /// </summary>
    public EslSubscription WithEvents(IEnumerable<string> tokens, out int keyCount)
    {
        var types = (bool[])_types.Clone();
        var subclasses = new HashSet<string>(_subclasses, StringComparer.Ordinal);
        keyCount = 0;
        var custom = false;
        foreach (var token in tokens)
        {
            if (token.Length == 0)
            {
                continue;
            }

            if (custom)
            {
                subclasses.Add(token);
                continue;
            }

            var index = EslEventNames.IndexOf(token);
            if (index < 0)
            {
                continue;
            }

            keyCount++;
            if (index == EslEventNames.AllIndex)
            {
                Array.Fill(types, true);
            }

            types[index] = true;
            custom |= index == EslEventNames.Custom;
        }

        return new EslSubscription(Format, types, subclasses, Filters, MyEventsUuid, keyCount > 0 || Listening);
    }

    /// <summary>FS <c>nixevent</c>: removes types; <c>ALL</c> clears every type; removing one type while ALL is on keeps all others.</summary>
    public EslSubscription WithoutEvents(IEnumerable<string> tokens, out int keyCount)
    {
        var types = (bool[])_types.Clone();
        var subclasses = new HashSet<string>(_subclasses, StringComparer.Ordinal);
        keyCount = 0;
        var custom = false;
        foreach (var token in tokens)
        {
            if (token.Length == 0)
            {
                continue;
            }

            if (custom)
            {
                subclasses.Remove(token);
                continue;
            }

            var index = EslEventNames.IndexOf(token);
            if (index < 0)
            {
                continue;
            }

            keyCount++;
            if (index == EslEventNames.Custom)
            {
                custom = true;
            }
            else if (index == EslEventNames.AllIndex)
            {
                Array.Fill(types, false);
            }
            else
            {
                if (types[EslEventNames.AllIndex])
                {
                    types[EslEventNames.AllIndex] = false;
                    Array.Fill(types, true, 0, EslEventNames.AllIndex);
                }

                types[index] = false;
            }
        }

        return new EslSubscription(Format, types, subclasses, Filters, MyEventsUuid, keyCount > 0 || Listening);
    }

    /// <summary>FS <c>noevents</c>: no types, no subclasses, not listening (filters and format stay).</summary>
    public EslSubscription WithNoEvents() =>
        new(Format, new bool[_types.Length], new HashSet<string>(StringComparer.Ordinal), Filters, MyEventsUuid, false);

    /// <summary>FS <c>myevents</c>: adds the channel event types and restricts delivery to <paramref name="uuid"/>.</summary>
    public EslSubscription WithMyEvents(string uuid, EslEventFormat format)
    {
        var types = (bool[])_types.Clone();
        foreach (var name in EslEventNames.MyEvents)
        {
            types[EslEventNames.IndexOf(name)] = true;
        }

        return new EslSubscription(format, types, _subclasses, Filters, uuid, true);
    }
}
