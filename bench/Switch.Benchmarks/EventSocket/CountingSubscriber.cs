using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switch.Benchmarks.EventSocket;

/// <summary>
/// A loopback ESL client that logs in, subscribes and then counts event frames as cheaply as possible:
/// it reads <c>Content-Length</c> from each frame's first line and skips header block and body.
/// </summary>
internal sealed class CountingSubscriber : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[256 * 1024];
    private readonly CancellationTokenSource _stop = new();
    private int _count;
    private int _start;
    private long _events;
    private Task? _loop;

    private CountingSubscriber(Socket socket)
    {
        _socket = socket;
    }

    public long Events => Interlocked.Read(ref _events);

    public static async Task<CountingSubscriber> ConnectAsync(EndPoint endPoint, string format)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endPoint);
        var subscriber = new CountingSubscriber(socket);
        await subscriber.ExpectAsync("auth/request");
        await socket.SendAsync(Encoding.ASCII.GetBytes("auth ClueCon\n\n"));
        await subscriber.ExpectAsync("+OK accepted");
        await socket.SendAsync(Encoding.ASCII.GetBytes($"event {format} CHANNEL_STATE\n\n"));
        await subscriber.ExpectAsync("+OK event listener enabled");
        subscriber._count = 0;
        subscriber._start = 0;
        subscriber._loop = Task.Run(subscriber.CountLoopAsync);
        return subscriber;
    }

    private async Task ExpectAsync(string text)
    {
        int end;
        while ((end = _buffer.AsSpan(0, _count).IndexOf("\n\n"u8)) < 0)
        {
            _count += await _socket.ReceiveAsync(_buffer.AsMemory(_count));
        }

        var block = Encoding.ASCII.GetString(_buffer, 0, end + 2);
        if (!block.Contains(text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected '{text}', got '{block}'.");
        }

        Buffer.BlockCopy(_buffer, end + 2, _buffer, 0, _count - end - 2);
        _count -= end + 2;
    }

    private async Task CountLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var n = await _socket.ReceiveAsync(_buffer.AsMemory(_count), SocketFlags.None, _stop.Token);
                if (n == 0)
                {
                    return;
                }

                _count += n;
                Consume();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
    }

    private void Consume()
    {
        var frames = 0;
        while (true)
        {
            var span = _buffer.AsSpan(_start, _count - _start);
            const int Prefix = 16; // "Content-Length: "
            var blockEnd = span.IndexOf("\n\n"u8);
            if (blockEnd < 0 || !Utf8Parser.TryParse(span[Prefix..], out int length, out _))
            {
                break;
            }

            var total = blockEnd + 2 + length;
            if (span.Length < total)
            {
                break;
            }

            _start += total;
            frames++;
        }

        Buffer.BlockCopy(_buffer, _start, _buffer, 0, _count - _start);
        _count -= _start;
        _start = 0;
        Interlocked.Add(ref _events, frames);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }
}
