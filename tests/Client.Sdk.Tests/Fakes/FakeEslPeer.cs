using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Switch.EventSocket;

namespace Switch.Client.Tests.Fakes;

/// <summary>
/// The server (or, for outbound tests, the switch) side of one connection: reads client commands with the codec's
/// <see cref="EslCommandReader"/> and writes frames with <see cref="EslFrameWriter"/>. Every read has a timeout.
/// </summary>
internal sealed class FakeEslPeer : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public FakeEslPeer(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream);
    }

    /// <summary>Reads the next command (10 s limit).</summary>
    public async Task<EslCommand> ReadCommandAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var result = await _reader.ReadAsync(timeout.Token);
            var buffer = result.Buffer;
            var status = EslCommandReader.TryRead(buffer, EslFramingLimits.Default, out var command, out var consumed);
            if (status == EslReadStatus.Complete)
            {
                _reader.AdvanceTo(consumed);
                return command!;
            }

            Assert.Equal(EslReadStatus.Incomplete, status);
            _reader.AdvanceTo(consumed, buffer.End);
            if (result.IsCompleted)
            {
                throw new EndOfStreamException("The client closed the connection.");
            }
        }
    }

    /// <summary>Reads the next command and checks it starts with <paramref name="prefix"/>.</summary>
    public async Task<EslCommand> ExpectAsync(string prefix)
    {
        var command = await ReadCommandAsync();
        Assert.StartsWith(prefix, command.Line, StringComparison.Ordinal);
        return command;
    }

    /// <summary>True when the client closed its side (reads to the end, 10 s limit).</summary>
    public async Task<bool> WaitForCloseAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync(timeout.Token);
                _reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            return true;
        }
    }

    public Task GreetAsync() => WriteAsync(EslFrameWriter.WriteAuthRequest);

    public Task ReplyAsync(string text) => WriteAsync(w => EslFrameWriter.WriteCommandReply(w, text));

    public Task ApiResponseAsync(string body) => WriteAsync(w => EslFrameWriter.WriteApiResponse(w, body));

    public Task BgApiReplyAsync(string jobUuid) => WriteAsync(w => EslFrameWriter.WriteBgApiReply(w, jobUuid));

    public Task EventAsync(EslEvent evt, EslEventFormat format = EslEventFormat.Json) => WriteAsync(w => EslFrameWriter.WriteEvent(w, evt, format));

    public Task DisconnectNoticeAsync() => WriteAsync(EslFrameWriter.WriteDisconnectNotice);

    public async Task WriteAsync(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        await _writeLock.WaitAsync();
        try
        {
            await _stream.WriteAsync(buffer.WrittenMemory);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the connection abruptly, as a crashed switch would.</summary>
    public void Close()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        _stream.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        await _reader.CompleteAsync();
    }
}
