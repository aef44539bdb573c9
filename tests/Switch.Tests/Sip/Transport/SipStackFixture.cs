using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Sip.Message;
using Switch.Sip.Transport;
using Switch.Tests.Sip.Transactions;

namespace Switch.Tests.Sip.Transport;

/// <summary>A real <see cref="SipStack"/> on loopback port 0 with a recording handler and a manual clock.</summary>
internal sealed class SipStackFixture : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private SipStackFixture(SipStack stack, RecordingRequestHandler handler, ManualTimeProvider time)
    {
        Stack = stack;
        Handler = handler;
        Time = time;
    }

    public SipStack Stack { get; }

    public RecordingRequestHandler Handler { get; }

    public ManualTimeProvider Time { get; }

    public IPEndPoint EndPoint => Stack.BoundEndPoints[0];

    public static async Task<SipStackFixture> StartAsync(IPAddress? address = null, SipTransportOptions? transport = null)
    {
        var time = new ManualTimeProvider();
        var handler = new RecordingRequestHandler();
        var options = new SipStackOptions
        {
            ListenEndPoints = [new IPEndPoint(address ?? IPAddress.Loopback, 0)],
            Transport = transport ?? new SipTransportOptions(),
        };
        var stack = new SipStack(options, handler, time, NullLoggerFactory.Instance);
        await stack.StartAsync();
        return new SipStackFixture(stack, handler, time);
    }

    public async ValueTask DisposeAsync() => await Stack.DisposeAsync();

    /// <summary>Polls <paramref name="condition"/> every 10 ms for up to 10 s; fails the test when it stays false.</summary>
    public static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true within 10 s");
            await Task.Delay(10);
        }
    }

    public static string Request(string method, int port, string transport = "UDP", string branch = "z9hG4bKt1", string host = "127.0.0.1", string user = "", string viaHost = "10.9.9.9:5999") =>
        $"{method} sip:{user}{(user.Length > 0 ? "@" : string.Empty)}{host} SIP/2.0\r\n" +
        $"Via: SIP/2.0/{transport} {viaHost};branch={branch};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:phone@example.com>;tag=ph1\r\n" +
        $"To: <sip:{host}>\r\n" +
        $"Call-ID: {branch}@test\r\n" +
        $"CSeq: 1 {method}\r\n" +
        "Content-Length: 0\r\n\r\n";

    public static async Task<SipResponse> ReceiveResponseAsync(UdpClient client)
    {
        using var cts = new CancellationTokenSource(Wait);
        while (true)
        {
            var datagram = await client.ReceiveAsync(cts.Token);
            Assert.True(SipMessageParser.TryParse(datagram.Buffer, out var message, out var error), error.ToString());
            if (message is SipResponse { StatusCode: > 100 } response)
            {
                return response;
            }
        }
    }

    public static async Task<SipResponse> ReceiveResponseAsync(NetworkStream stream, byte[] pending)
    {
        var framer = new SipStreamFramer();
        var buffer = new ArrayBufferWriter<byte>();
        using var cts = new CancellationTokenSource(Wait);
        var chunk = new byte[4096];
        while (true)
        {
            var sequence = new ReadOnlySequence<byte>(buffer.WrittenMemory);
            while (framer.TryFrame(ref sequence, out var frame, out _) == SipFrameStatus.Message)
            {
                Assert.True(SipMessageParser.TryParse(frame.ToArray(), out var message, out var error), error.ToString());
                if (message is SipResponse { StatusCode: > 100 } response)
                {
                    return response;
                }
            }

            var n = await stream.ReadAsync(chunk, cts.Token);
            Assert.True(n > 0, "connection closed before a response arrived");
            buffer.Write(chunk.AsSpan(0, n));
        }
    }

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
