using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switch.EventSocket;

namespace Switch.Client;

/// <summary>
/// One TCP connection to an event socket. Writes are serialized; each command's reply waiter is queued in the
/// same critical section as its bytes are written, so replies are matched strictly by order per content type
/// (command/reply FIFO, api/response FIFO), as every ESL client does. One reader loop frames messages with the
/// codec's <see cref="EslMessageReader"/> and hands events and notices to the sink. When the connection ends,
/// every waiter fails with <see cref="EventSocketDisconnectedException"/>.
/// </summary>
internal sealed class EslTransport : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _input;
    private readonly IEslTransportSink _sink;
    private readonly EslFramingLimits _limits;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource<EslMessage>> _commandReplies = new();
    private readonly Queue<TaskCompletionSource<EslMessage>> _apiResponses = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<EslMessage> _greeting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Exception?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _closed;
    private Exception? _closeReason;

    private EslTransport(Socket socket, IEslTransportSink sink, EslFramingLimits limits, ILogger logger, string peer)
    {
        _socket = socket;
        _socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        _sink = sink;
        _limits = limits;
        _logger = logger;
        Peer = peer;
    }

    /// <summary>Where the connection goes (for messages).</summary>
    public string Peer { get; }

    /// <summary>The first <c>auth/request</c> or <c>text/rude-rejection</c> (inbound greeting).</summary>
    public Task<EslMessage> Greeting => _greeting.Task;

    /// <summary>Completes when the connection has ended; the result is what ended it (null for a clean close).</summary>
    public Task<Exception?> Completion => _completion.Task;

    /// <summary>True once the connection has ended.</summary>
    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/> and starts the reader loop.</summary>
    public static async Task<EslTransport> ConnectAsync(string host, int port, TimeSpan timeout, IEslTransportSink sink, EslFramingLimits limits, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutCts.CancelAfter(timeout);
            try
            {
                await socket.ConnectAsync(host, port, timeoutCts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new EventSocketDisconnectedException($"Connecting to {host}:{port} timed out after {timeout.TotalSeconds:0.#} s.");
            }
            catch (SocketException ex)
            {
                throw new EventSocketDisconnectedException($"Cannot connect to {host}:{port}: {ex.SocketErrorCode}.", ex);
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return Start(socket, sink, limits, logger, $"{host}:{port}");
    }

    /// <summary>Wraps an accepted socket (outbound mode) and starts the reader loop.</summary>
    public static EslTransport Start(Socket socket, IEslTransportSink sink, EslFramingLimits limits, ILogger logger, string peer)
    {
        var transport = new EslTransport(socket, sink, limits, logger, peer);
        _ = transport.ReadLoopAsync();
        return transport;
    }

    /// <summary>
    /// Writes a command and returns its reply. Cancelling <paramref name="cancellationToken"/> abandons the wait
    /// but not the FIFO slot, so later replies still match their commands.
    /// </summary>
    public async Task<EslMessage> SendAsync(Action<IBufferWriter<byte>> write, EslReplyKind kind, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        write(buffer);
        TaskCompletionSource<EslMessage> waiter;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            waiter = new TaskCompletionSource<EslMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (_closed)
                {
                    throw Disconnected();
                }

                (kind == EslReplyKind.ApiResponse ? _apiResponses : _commandReplies).Enqueue(waiter);
            }

            try
            {
                await _stream.WriteAsync(buffer.WrittenMemory, _closing.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                Close(ex);
                throw Disconnected();
            }
        }
        finally
        {
            _writeLock.Release();
        }

        return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connection (idempotent); pending waiters fail.</summary>
    public void Close(Exception? reason = null)
    {
        TaskCompletionSource<EslMessage>[] pending;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            _closeReason = reason;
            pending = [.. _commandReplies, .. _apiResponses];
            _commandReplies.Clear();
            _apiResponses.Clear();
        }

        var error = Disconnected();
        foreach (var waiter in pending)
        {
            waiter.TrySetException(error);
            _ = waiter.Task.Exception; // observed: a caller may have stopped waiting (cancelled)
        }

        _greeting.TrySetException(error);
        _ = _greeting.Task.Exception;
        _closing.Cancel();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        _stream.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Close();
        await _completion.Task.ConfigureAwait(false);
    }

    private EventSocketDisconnectedException Disconnected()
    {
        Exception? reason;
        lock (_gate)
        {
            reason = _closeReason;
        }

        return reason is null
            ? new EventSocketDisconnectedException($"The event socket connection to {Peer} is closed.")
            : new EventSocketDisconnectedException($"The event socket connection to {Peer} was lost: {reason.Message}", reason);
    }

    private async Task ReadLoopAsync()
    {
        Exception? reason = null;
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync(_closing.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (true)
                {
                    var status = EslMessageReader.TryRead(buffer, _limits, out var message, out var consumed);
                    buffer = buffer.Slice(consumed);
                    if (status == EslReadStatus.Incomplete)
                    {
                        break;
                    }

                    if (status != EslReadStatus.Complete)
                    {
                        throw new EventSocketException($"Malformed message from the switch: {status}.");
                    }

                    Dispatch(message!);
                }

                _input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    reason = new EventSocketDisconnectedException("The switch closed the connection.");
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // Closed locally.
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or EventSocketException)
        {
            reason = ex;
        }
        finally
        {
            await _input.CompleteAsync().ConfigureAwait(false);
            EventSocketClientLog.TransportClosed(_logger, Peer, reason?.Message ?? "closed");
            Close(reason);
            lock (_gate)
            {
                reason = _closeReason;
            }

            _completion.TrySetResult(reason);
        }
    }

    private void Dispatch(EslMessage message)
    {
        var contentType = message.ContentType;
        if (contentType is EslConstants.ContentTypeCommandReply or EslConstants.ContentTypeApiResponse)
        {
            TaskCompletionSource<EslMessage>? waiter;
            lock (_gate)
            {
                var queue = contentType == EslConstants.ContentTypeApiResponse ? _apiResponses : _commandReplies;
                queue.TryDequeue(out waiter);
            }

            if (waiter is not null)
            {
                waiter.TrySetResult(message);
            }
            else
            {
                EventSocketClientLog.UnsolicitedReply(_logger, Peer, contentType, message.ReplyText);
                _sink.OnMessage(this, message);
            }

            return;
        }

        if (message.EventFormat is not null)
        {
            if (message.TryGetEvent(out var evt))
            {
                _sink.OnEvent(this, evt!);
            }
            else
            {
                EventSocketClientLog.MalformedEvent(_logger, Peer, contentType!);
            }

            return;
        }

        if (contentType is EslConstants.ContentTypeAuthRequest or EslConstants.ContentTypeRudeRejection)
        {
            _greeting.TrySetResult(message);
        }

        _sink.OnMessage(this, message);
    }
}
