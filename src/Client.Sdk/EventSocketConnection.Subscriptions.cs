using System.Collections.Immutable;
using Switch.EventSocket;

namespace Switch.Client;

public abstract partial class EventSocketConnection
{
    private readonly SemaphoreSlim _subscribeLock = new(1, 1);
    private EslEventFormat _format;
    private ImmutableHashSet<string> _eventNames = ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase);
    private ImmutableHashSet<string> _subclasses = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
    private ImmutableList<KeyValuePair<string, string>> _filters = [];

    /// <summary>The event format in force (<c>plain</c>, <c>json</c> or <c>xml</c>).</summary>
    public EslEventFormat EventFormat => _format;

    /// <summary>Event names subscribed so far (cumulative, as on the switch); restored after a reconnect.</summary>
    public IReadOnlyCollection<string> SubscribedEvents => _eventNames;

    /// <summary>CUSTOM subclasses subscribed so far.</summary>
    public IReadOnlyCollection<string> SubscribedSubclasses => _subclasses;

    /// <summary>
    /// <c>event &lt;format&gt; &lt;names&gt;</c>: adds event types (e.g. <c>CHANNEL_PARK</c>, <c>ALL</c>) and CUSTOM
    /// subclasses (<c>CUSTOM sofia::register</c>, or any token containing <c>::</c>) to the subscription, and switches
    /// the format. Subscriptions accumulate and are restored after a reconnect.
    /// </summary>
    /// <exception cref="EventSocketCommandException">The switch refused (e.g. <c>-ERR no keywords supplied</c>).</exception>
    public async Task SubscribeAsync(EslEventFormat format, IEnumerable<string> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var (names, subclasses) = ParseEventTokens(events);
        if (names.Count == 0 && subclasses.Count == 0)
        {
            throw new ArgumentException("No event names given.", nameof(events));
        }

        await _subscribeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var line = BuildEventLine(format, names, subclasses);
            var reply = await SendCommandAsync(line, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!reply.IsOk)
            {
                throw new EventSocketCommandException(line, reply.ReplyText);
            }

            _format = format;
            _eventNames = _eventNames.Union(names);
            _subclasses = _subclasses.Union(subclasses);
        }
        finally
        {
            _subscribeLock.Release();
        }
    }

    /// <summary><c>event &lt;format&gt; &lt;names…&gt;</c>; see <see cref="SubscribeAsync(EslEventFormat, IEnumerable{string}, CancellationToken)"/>.</summary>
    public Task SubscribeAsync(EslEventFormat format, params string[] events) => SubscribeAsync(format, (IEnumerable<string>)events);

    /// <summary>
    /// <c>filter &lt;header&gt; &lt;value&gt;</c>: once any filter exists the switch only delivers events whose header
    /// matches one. Filters are restored after a reconnect.
    /// </summary>
    public async Task FilterAsync(string header, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var reply = await SendCommandAsync($"filter {header} {value}", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!reply.IsOk)
        {
            throw new EventSocketCommandException($"filter {header} {value}", reply.ReplyText);
        }

        ImmutableInterlocked.Update(ref _filters, list => list.Add(new(header, value)));
    }

    /// <summary><c>filter delete &lt;header&gt; [value]</c> (<c>filter delete all</c> with header <c>all</c>).</summary>
    public async Task FilterDeleteAsync(string header, string? value = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        var line = value is null ? "filter delete " + header : $"filter delete {header} {value}";
        var reply = await SendCommandAsync(line, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!reply.IsOk)
        {
            throw new EventSocketCommandException(line, reply.ReplyText);
        }

        ImmutableInterlocked.Update(ref _filters, list => list.RemoveAll(f =>
            header.Equals("all", StringComparison.OrdinalIgnoreCase)
            || (f.Key.Equals(header, StringComparison.OrdinalIgnoreCase) && (value is null || f.Value == value))));
    }

    /// <summary>Subscribes to whichever of <paramref name="names"/> is not yet covered (nothing to do after <c>ALL</c>).</summary>
    public async Task EnsureSubscribedAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (Covers(names))
        {
            return;
        }

        await _subscribeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var missing = new List<string>(names.Count);
            foreach (var name in names)
            {
                if (!_eventNames.Contains(name))
                {
                    missing.Add(name);
                }
            }

            if (missing.Count == 0 || _eventNames.Contains(EventNames.All))
            {
                return;
            }

            var line = BuildEventLine(_format, missing, []);
            var reply = await SendCommandAsync(line, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!reply.IsOk)
            {
                throw new EventSocketCommandException(line, reply.ReplyText);
            }

            _eventNames = _eventNames.Union(missing);
        }
        finally
        {
            _subscribeLock.Release();
        }
    }

    /// <summary>Records names the server subscribed on its own (e.g. the <c>myevents</c> list).</summary>
    private protected void MarkSubscribed(EslEventFormat format, IEnumerable<string> names)
    {
        _format = format;
        _eventNames = _eventNames.Union(names);
    }

    /// <summary>Re-sends the subscription and filters on a new connection.</summary>
    private protected async Task RestoreSubscriptionsAsync(EslTransport transport, CancellationToken cancellationToken)
    {
        var names = _eventNames;
        var subclasses = _subclasses;
        if (names.Count > 0 || subclasses.Count > 0)
        {
            var line = BuildEventLine(_format, names, subclasses);
            var reply = await SendOnAsync(transport, w => EslCommandWriter.WriteCommand(w, line), cancellationToken).ConfigureAwait(false);
            if (!reply.IsOk)
            {
                throw new EventSocketCommandException(line, reply.ReplyText ?? string.Empty);
            }
        }

        foreach (var filter in _filters)
        {
            var line = $"filter {filter.Key} {filter.Value}";
            var reply = await SendOnAsync(transport, w => EslCommandWriter.WriteCommand(w, line), cancellationToken).ConfigureAwait(false);
            if (!reply.IsOk)
            {
                throw new EventSocketCommandException(line, reply.ReplyText ?? string.Empty);
            }
        }
    }

    private protected bool HasSubscriptions => _eventNames.Count > 0 || _subclasses.Count > 0;

    private bool Covers(IReadOnlyList<string> names)
    {
        var current = _eventNames;
        if (current.Contains(EventNames.All))
        {
            return true;
        }

        foreach (var name in names)
        {
            if (!current.Contains(name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits tokens into event names and CUSTOM subclasses (after a <c>CUSTOM</c> token, or containing <c>::</c>).</summary>
    internal static (List<string> Names, List<string> Subclasses) ParseEventTokens(IEnumerable<string> events)
    {
        var names = new List<string>();
        var subclasses = new List<string>();
        foreach (var item in events)
        {
            if (item is null)
            {
                continue;
            }

            var afterCustom = false;
            foreach (var token in item.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.Equals(EventNames.Custom, StringComparison.OrdinalIgnoreCase))
                {
                    afterCustom = true;
                    names.Add(EventNames.Custom);
                }
                else if (afterCustom || token.Contains("::", StringComparison.Ordinal))
                {
                    subclasses.Add(token);
                }
                else
                {
                    names.Add(token.ToUpperInvariant());
                }
            }
        }

        return (names, subclasses);
    }

    internal static string FormatWord(EslEventFormat format) => format switch
    {
        EslEventFormat.Json => "json",
        EslEventFormat.Xml => "xml",
        _ => "plain",
    };

    /// <summary><c>event json A B CUSTOM x::y</c>: names first, then CUSTOM and the subclasses.</summary>
    internal static string BuildEventLine(EslEventFormat format, IEnumerable<string> names, IEnumerable<string> subclasses)
    {
        var parts = new List<string> { "event", FormatWord(format) };
        var custom = false;
        foreach (var name in names)
        {
            if (name.Equals(EventNames.Custom, StringComparison.OrdinalIgnoreCase))
            {
                custom = true;
            }
            else if (!parts.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                parts.Add(name);
            }
        }

        var subs = subclasses.Distinct(StringComparer.Ordinal).ToList();
        if (custom || subs.Count > 0)
        {
            parts.Add(EventNames.Custom);
            parts.AddRange(subs);
        }

        return string.Join(' ', parts);
    }
}
