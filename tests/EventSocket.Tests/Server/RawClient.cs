using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switch.EventSocket.Tests.Server;

/// <summary>A raw TCP test client: sends text, reads whole server messages (with their exact bytes) using the codec.</summary>
internal sealed class RawClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly byte[] _chunk = new byte[64 * 1024];
    private byte[] _buffer = new byte[64 * 1024];
    private int _count;

    private RawClient(Socket socket)
    {
        Socket = socket;
    }

    public Socket Socket { get; }

    public static async Task<RawClient> ConnectAsync(EndPoint endPoint, int receiveBuffer = 0)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (receiveBuffer > 0)
        {
            socket.ReceiveBufferSize = receiveBuffer;
        }

        await socket.ConnectAsync(endPoint).WaitAsync(Timeout);
        return new RawClient(socket);
    }

    public static RawClient FromSocket(Socket socket) => new(socket);

    /// <summary>Connects, reads the greeting and authenticates.</summary>
    public static async Task<RawClient> LoginAsync(EslServer server, string password = "ClueCon")
    {
        var client = await ConnectAsync(server.LocalEndPoint!);
        Assert.Equal("auth/request", (await client.ReadAsync()).Message.ContentType);
        Assert.Equal("+OK accepted", await client.CommandAsync("auth " + password));
        return client;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes) => await Socket.SendAsync(bytes, SocketFlags.None).WaitAsync(Timeout);

    /// <summary>Sends <c>line\n\n</c> and returns the Reply-Text of the next message (which must be a command/reply).</summary>
    public async Task<string> CommandAsync(string line)
    {
        await SendAsync(line + "\n\n");
        var (message, _) = await ReadAsync();
        Assert.Equal("command/reply", message.ContentType);
        return message.ReplyText!;
    }

    /// <summary>Reads the next command/reply or api/response, skipping event frames.</summary>
    public async Task<(EslMessage Message, string Raw)> ReadReplyAsync()
    {
        while (true)
        {
            var read = await ReadAsync();
            if (read.Message.ContentType is "command/reply" or "api/response")
            {
                return read;
            }
        }
    }

    public async Task<(EslMessage Message, string Raw)> ReadAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var sequence = new ReadOnlySequence<byte>(_buffer, 0, _count);
            var status = EslMessageReader.TryRead(sequence, EslFramingLimits.Client, out var message, out var consumed);
            if (status == EslReadStatus.Complete)
            {
                var length = (int)sequence.Slice(0, consumed).Length;
                var raw = Encoding.UTF8.GetString(_buffer, 0, length);
                Buffer.BlockCopy(_buffer, length, _buffer, 0, _count - length);
                _count -= length;
                return (message!, raw);
            }

            Assert.Equal(EslReadStatus.Incomplete, status);
            var n = await Socket.ReceiveAsync(_chunk, SocketFlags.None, cts.Token);
            if (n == 0)
            {
                throw new EndOfStreamException($"Connection closed with {_count} unread bytes.");
            }

            if (_count + n > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + n));
            }

            Buffer.BlockCopy(_chunk, 0, _buffer, _count, n);
            _count += n;
        }
    }

    public async Task<EslEvent> ReadEventAsync()
    {
        var (message, _) = await ReadAsync();
        Assert.True(message.TryGetEvent(out var evt), $"expected an event, got {message.ContentType}");
        return evt!;
    }

    /// <summary>Reads until the server closes; returns the messages received before the close.</summary>
    public async Task<List<EslMessage>> ReadUntilClosedAsync()
    {
        var messages = new List<EslMessage>();
        while (true)
        {
            try
            {
                messages.Add((await ReadAsync()).Message);
            }
            catch (EndOfStreamException)
            {
                return messages;
            }
            catch (SocketException)
            {
                return messages;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
