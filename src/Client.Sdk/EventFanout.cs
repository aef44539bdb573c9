using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Switch.Client;

/// <summary>
/// Copies each published item to every active reader, each with its own bounded queue. Publishing never blocks:
/// a reader that falls <c>capacity</c> items behind is dropped and its enumeration ends with an exception,
/// so a stuck consumer can never stall the socket's reader loop.
/// </summary>
internal sealed class EventFanout<T>
    where T : class
{
    private readonly int _capacity;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private ChannelWriter<T>[] _writers = [];
    private bool _completed;

    public EventFanout(int capacity, ILogger logger)
    {
        _capacity = capacity;
        _logger = logger;
    }

    /// <summary>True when at least one reader is active.</summary>
    public bool HasReaders => Volatile.Read(ref _writers).Length > 0;

    /// <summary>Hands <paramref name="item"/> to every reader.</summary>
    public void Publish(T item)
    {
        var writers = Volatile.Read(ref _writers);
        foreach (var writer in writers)
        {
            if (!writer.TryWrite(item))
            {
                Remove(writer);
                EventSocketClientLog.SubscriberOverflow(_logger, _capacity);
                writer.TryComplete(new EventSocketException($"The event reader fell {_capacity} events behind and was dropped."));
            }
        }
    }

    /// <summary>Ends every enumeration (normally, or with <paramref name="error"/>).</summary>
    public void Complete(Exception? error = null)
    {
        ChannelWriter<T>[] writers;
        lock (_gate)
        {
            _completed = true;
            writers = _writers;
            _writers = [];
        }

        foreach (var writer in writers)
        {
            writer.TryComplete(error);
        }
    }

    /// <summary>Items published from the first <c>MoveNextAsync</c> on, until <see cref="Complete"/> or cancellation.</summary>
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var queue = System.Threading.Channels.Channel.CreateBounded<T>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        if (!TryAdd(queue.Writer))
        {
            yield break;
        }

        try
        {
            while (await queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (queue.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            Remove(queue.Writer);
        }
    }

    private bool TryAdd(ChannelWriter<T> writer)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            _writers = [.. _writers, writer];
            return true;
        }
    }

    private void Remove(ChannelWriter<T> writer)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_writers, writer);
            if (index >= 0)
            {
                _writers = [.. _writers[..index], .. _writers[(index + 1)..]];
            }
        }
    }
}
