namespace Switch.EventSocket;

/// <summary>
/// The deliveries of one event being published: at most one <see cref="EslDelivery"/> per format, created when the
/// first connection wanting that format is offered the event. <see cref="Complete"/> drops the publisher's references.
/// </summary>
internal struct EslFanOut
{
    private EslDelivery? _plain;
    private EslDelivery? _json;
    private EslDelivery? _xml;

    public EslFanOut(EslEvent evt)
    {
        Event = evt;
    }

    public EslEvent Event { get; }

    /// <summary>The delivery of the event in <paramref name="format"/>, with one reference added for the caller's queue item.</summary>
    public EslDelivery AddDelivery(EslEventFormat format)
    {
        ref var slot = ref format == EslEventFormat.Json ? ref _json
            : ref format == EslEventFormat.Xml ? ref _xml : ref _plain;
        var delivery = slot ??= new EslDelivery(Event, format);
        delivery.AddDelivery();
        return delivery;
    }

    /// <summary>Every connection was offered the event: drop the publisher's references.</summary>
    public readonly void Complete()
    {
        _plain?.Release();
        _json?.Release();
        _xml?.Release();
    }
}
