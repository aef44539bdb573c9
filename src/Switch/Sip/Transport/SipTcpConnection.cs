using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Switch.Sip.Message;

namespace Switch.Sip.Transport;

/// <summary>
/// One TCP connection: a read loop that frames messages with <see cref="SipStreamFramer"/> (closing the connection on
/// framing errors and size limits) and serialized writes.
/// </summary>
internal sealed class SipTcpConnection : IAsyncDisposable
{
    private static long s_nextId;
    private readonly Socket _socket;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private long _lastActivity;
    private int _disposed;

    public SipTcpConnection(Socket socket, TimeProvider time)
    {
        _socket = socket;
        Id = Interlocked.Increment(ref s_nextId);
        Local = (IPEndPoint)socket.LocalEndPoint!;
        Remote = (IPEndPoint)socket.RemoteEndPoint!;
        Flow = new SipFlow(SipTransportType.Tcp, Local, Remote, Id);
        Time = time;
        Touch();
    }

    public long Id { get; }

    public IPEndPoint Local { get; }

    public IPEndPoint Remote { get; }

    public SipFlow Flow { get; }

    public bool IsClosed => _closed.IsCancellationRequested;

    public Task Completion { get; private set; } = Task.CompletedTask;

    private TimeProvider Time { get; }

    public TimeSpan IdleFor => Time.GetElapsedTime(Interlocked.Read(ref _lastActivity));

    /// <summary>Starts the read loop; <paramref name="onFrame"/> gets each framed message (its own byte array).</summary>
    public void Start(SipStreamFramer framer, Action<SipTcpConnection, byte[]> onFrame, Action<SipTcpConnection, string> onClose) =>
        Completion = ReadLoopAsync(framer, onFrame, onClose);

    public async ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // Activity counts from the start of the write: once the peer can see the bytes, the idle clock was reset.
            Touch();
            while (!bytes.IsEmpty)
            {
                var sent = await _socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
                bytes = bytes[sent..];
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Close()
    {
        if (_closed.IsCancellationRequested)
        {
            return;
        }

        _closed.Cancel();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Close();
        await Completion.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _closed.Dispose();
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, Time.GetTimestamp());

    private async Task ReadLoopAsync(SipStreamFramer framer, Action<SipTcpConnection, byte[]> onFrame, Action<SipTcpConnection, string> onClose)
    {
        await Task.Yield();
        var reason = "peer closed the connection";
        var reader = PipeReader.Create(new NetworkStream(_socket, ownsSocket: false), new StreamPipeReaderOptions(bufferSize: 8192, leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_closed.Token);
                var buffer = result.Buffer;
                Touch();
                var stop = false;
                while (!stop)
                {
                    switch (framer.TryFrame(ref buffer, out var frame, out var error))
                    {
                        case SipFrameStatus.Message:
                            onFrame(this, frame.ToArray());
                            break;
                        case SipFrameStatus.KeepAlive:
                            _ = SendPongAsync();
                            break;
                        case SipFrameStatus.Error:
                            reason = "framing error: " + error;
                            reader.AdvanceTo(buffer.Start);
                            return;
                        default:
                            stop = true;
                            break;
                    }
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            reason = "closed";
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            reason = ex.Message;
        }
        finally
        {
            await reader.CompleteAsync();
            Close();
            onClose(this, reason);
        }
    }

    private async Task SendPongAsync()
    {
        try
        {
            await SendAsync("\r\n"u8.ToArray());
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Close();
        }
    }
}
