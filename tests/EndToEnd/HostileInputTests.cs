using System.Net;
using System.Net.Sockets;
using Switch.EndToEnd.Support;

namespace Switch.EndToEnd;

/// <summary>
/// Bad input against the running executable: the RFC 4475/5118 torture corpus (vendored in
/// tests/Switch.Tests/Fixtures/sip-torture) and random bytes over UDP and TCP, and garbage on the event
/// socket. The switch must keep serving: no crash, no hang, no leaked call.
/// </summary>
public sealed class HostileInputTests
{
    private static IEnumerable<string> CorpusFiles() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "Switch.Tests", "Fixtures", "sip-torture"), "*.dat", SearchOption.AllDirectories);

    [Fact]
    public async Task The_torture_corpus_and_random_bytes_over_UDP_and_TCP_leave_the_switch_serving()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var target = new IPEndPoint(IPAddress.Loopback, sw.SipPort);
        var files = CorpusFiles().ToArray();
        Assert.True(files.Length >= 60, $"expected the vendored corpus, found {files.Length} files");
        var random = new Random(4475);

        using (var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            foreach (var file in files)
            {
                await udp.SendToAsync(await File.ReadAllBytesAsync(file), SocketFlags.None, target);
            }
            for (var i = 0; i < 500; i++)
            {
                var junk = new byte[random.Next(1, 1400)];
                random.NextBytes(junk);
                await udp.SendToAsync(junk, SocketFlags.None, target);
            }
        }

        foreach (var file in files)
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await tcp.ConnectAsync(target).WaitAsync(TimeSpan.FromSeconds(5));
            await tcp.SendAsync(await File.ReadAllBytesAsync(file), SocketFlags.None);
        }
        using (var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await tcp.ConnectAsync(target).WaitAsync(TimeSpan.FromSeconds(5));
            var junk = new byte[256 * 1024];
            random.NextBytes(junk);
            try
            {
                await tcp.SendAsync(junk, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (SocketException)
            {
                // The switch closes a connection that sends garbage; that is the point.
            }
        }

        // Still serving SIP over both transports, and the event socket.
        Assert.Equal(0, (await Sipp.RunAsync("options.xml", sw.SipPort, calls: 3)).ExitCode);
        Assert.Equal(0, (await Sipp.RunAsync("options.xml", sw.SipPort, tcp: true, calls: 3)).ExitCode);
        await using var esl = await EslRaw.ConnectAsync(sw.EslPort);
        await esl.ReadAsync();
        await esl.SendAsync("auth " + SwitchProcess.Password);
        await esl.ReadAsync();
        Assert.StartsWith("UP ", await esl.ApiAsync("status"), StringComparison.Ordinal);
        Assert.Equal("\n0 total.\n", await esl.ApiAsync("show channels"));
        Assert.False(sw.HasExited);
        Assert.DoesNotContain("Unhandled exception", sw.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_on_the_event_socket_gets_errors_or_a_close_and_other_clients_are_unaffected()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var good = await EslRaw.ConnectAsync(sw.EslPort);
        await good.ReadAsync();
        await good.SendAsync("auth " + SwitchProcess.Password);
        await good.ReadAsync();

        await using (var bad = await EslRaw.ConnectAsync(sw.EslPort))
        {
            await bad.ReadAsync();
            await bad.SendAsync("auth " + SwitchProcess.Password);
            await bad.ReadAsync();
            await bad.SendAsync("no-such-command at all");
            var (headers, _) = await bad.ReadAsync();
            Assert.Equal("-ERR command not found", headers["Reply-Text"]);
            await bad.SendAsync("api uuid_kill not-a-uuid");
            var (_, body) = await bad.ReadAsync();
            Assert.StartsWith("-ERR", body, StringComparison.Ordinal);
            await bad.SendAsync("sendmsg\ncontent-length: -5");
        }

        using (var raw = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await raw.ConnectAsync(new IPEndPoint(IPAddress.Loopback, sw.EslPort));
            var junk = new byte[64 * 1024];
            new Random(8021).NextBytes(junk);
            try
            {
                await raw.SendAsync(junk, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (SocketException)
            {
                // closed by the switch before everything was written
            }
        }

        Assert.StartsWith("UP ", await good.ApiAsync("status"), StringComparison.Ordinal);
        Assert.False(sw.HasExited);
    }
}
