namespace Switch.EventSocket;

/// <summary>
/// The host's event bus as the event socket sees it. The host publishes synchronously, from any thread, and
/// calls every subscriber inline; the event socket never blocks or awaits inside <c>onEvent</c> (it only
/// enqueues into bounded per-connection queues), so a slow ESL client can never slow the host.
/// </summary>
/// <remarks>
/// Events must carry the FreeSWITCH standard headers (§6.1), in particular <c>Event-Name</c> and a
/// process-wide increasing <c>Event-Sequence</c> (used by <c>event resume</c>), and, for channel events,
/// <c>Unique-ID</c>. The header list of a published event must not be mutated afterwards.
/// </remarks>
public interface IEslEventSource
{
    /// <summary>Registers <paramref name="onEvent"/> for every event published from now on; dispose to stop.</summary>
    IDisposable Subscribe(Action<EslEvent> onEvent);

    /// <summary>
    /// As <see cref="Subscribe(Action{EslEvent})"/>, and tells the host which events are wanted at all
    /// (<paramref name="wants"/>: event name, CUSTOM subclass or null), so it may skip building the others.
    /// </summary>
    IDisposable Subscribe(Action<EslEvent> onEvent, Func<string, string?, bool> wants) => Subscribe(onEvent);
}
