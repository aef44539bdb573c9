using System.Net;
using System.Net.Sockets;
using Switch.Sip.Transport;
using Switch.Tests.Sip.Message;

namespace Switch.Tests.Sip.Transport;

public sealed class SipTransportRobustnessTests
{
    [Fact]
    public async Task Garbage_and_mutated_datagrams_do_not_stop_the_udp_loop()
    {
        await using var f = await SipStackFixture.StartAsync(transport: new SipTransportOptions { ForceRport = true });
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        phone.Client.ReceiveBufferSize = 4 * 1024 * 1024; // the answers to everything below queue up here
        var random = new Random(4475);
        foreach (var entry in TortureCorpus.Entries)
        {
            var bytes = entry.Bytes;
            for (var i = 0; i < 5; i++)
            {
                var copy = bytes.ToArray();
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
                await phone.SendAsync(copy, f.EndPoint);
            }
        }

        var noise = new byte[1200];
        random.NextBytes(noise);
        await phone.SendAsync(noise, f.EndPoint);
        await phone.SendAsync(Array.Empty<byte>(), f.EndPoint);

        // Still alive: an OPTIONS with a unique branch is answered.
        await phone.SendAsync(SipStackFixture.Bytes(SipStackFixture.Request("OPTIONS", f.EndPoint.Port, branch: "z9hG4bKalive")), f.EndPoint);
        using var cts = new CancellationTokenSource(SipStackFixture.Wait);
        while (true)
        {
            var text = System.Text.Encoding.UTF8.GetString((await phone.ReceiveAsync(cts.Token)).Buffer);
            if (text.Contains("branch=z9hG4bKalive", StringComparison.Ordinal) && text.StartsWith("SIP/2.0 200 ", StringComparison.Ordinal))
            {
                break;
            }
        }
    }

    [Fact]
    public async Task Oversized_header_section_closes_the_connection()
    {
        await using var f = await SipStackFixture.StartAsync(transport: new SipTransportOptions { MaxHeaderBytes = 1024 });
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(f.EndPoint);
        var stream = client.GetStream();
        await stream.WriteAsync(SipStackFixture.Bytes("OPTIONS sip:127.0.0.1 SIP/2.0\r\nX-Long: " + new string('a', 2000) + "\r\n"));
        using var cts = new CancellationTokenSource(SipStackFixture.Wait);
        Assert.Equal(0, await stream.ReadAsync(new byte[100], cts.Token));
    }

    [Fact]
    public async Task Stack_stops_within_five_seconds_with_open_connections()
    {
        var f = await SipStackFixture.StartAsync();
        using var a = new TcpClient(AddressFamily.InterNetwork);
        using var b = new TcpClient(AddressFamily.InterNetwork);
        await a.ConnectAsync(f.EndPoint);
        await b.ConnectAsync(f.EndPoint);
        await a.GetStream().WriteAsync(SipStackFixture.Bytes("OPTIONS sip:127.0.0.1 SIP/2.0\r\n"));
        var started = DateTime.UtcNow;
        await f.Stack.StopAsync().WaitAsync(TimeSpan.FromSeconds(6));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        using var cts = new CancellationTokenSource(SipStackFixture.Wait);
        Assert.Equal(0, await a.GetStream().ReadAsync(new byte[10], cts.Token));
        await f.DisposeAsync();
    }
}
