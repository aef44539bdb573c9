using System.Net.Sockets;
using System.Text;

namespace Switch.EndToEnd.Support;

/// <summary>A bare-bytes ESL connection: what a third-party client sees on the wire.</summary>
internal sealed class EslRaw : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly StringBuilder _buffer = new();

    private EslRaw(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<EslRaw> ConnectAsync(int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(5));
        return new EslRaw(tcp);
    }

    public Task SendAsync(string command) => _stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\n\n")).AsTask();

    /// <summary>Reads one whole message (headers and Content-Length body).</summary>
    public async Task<(Dictionary<string, string> Headers, string Body)> ReadAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var chunk = new byte[8192];
        while (true)
        {
            var text = _buffer.ToString();
            var end = text.IndexOf("\n\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var headers = text[..end].Split('\n').Select(l => l.Split(": ", 2))
                    .Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
                var length = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl, System.Globalization.CultureInfo.InvariantCulture) : 0;
                var bytes = Encoding.UTF8.GetBytes(text[(end + 2)..]);
                if (bytes.Length >= length)
                {
                    var body = Encoding.UTF8.GetString(bytes, 0, length);
                    _buffer.Clear().Append(Encoding.UTF8.GetString(bytes, length, bytes.Length - length));
                    return (headers, body);
                }
            }
            var n = await _stream.ReadAsync(chunk, cts.Token);
            if (n == 0)
            {
                throw new EndOfStreamException("the switch closed the event socket");
            }
            _buffer.Append(Encoding.UTF8.GetString(chunk, 0, n));
        }
    }

    public async Task<string> ApiAsync(string command)
    {
        await SendAsync("api " + command);
        while (true)
        {
            var (headers, body) = await ReadAsync();
            if (headers.GetValueOrDefault("Content-Type") == "api/response")
            {
                return body;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
