using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Switch.Client;
using Switch.EndToEnd.Support;

namespace Switch.EndToEnd;

/// <summary>
/// The switch with a tiny <c>--rtp-ports</c> range, more calls than it holds, and ports of the range held by
/// another process (this test's own UDP sockets): each call proceeds or ends with a clear cause, and when
/// the calls are over no channel and no RTP socket is left (the process's socket count is back where it was).
/// </summary>
public sealed class RtpExhaustionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static string[] Args(string callee, params string[] more) =>
        ["-s", callee, "-key", "caller", "1000", "-au", "1000", "-ap", "1234", .. more];

    private static async Task<SwitchProcess> StartAsync(int rtpFrom, int rtpPorts, int parkTimeoutSeconds)
    {
        var config = Path.Combine(Directory.CreateTempSubdirectory("switch-rtp-").FullName, "switch.json");
        await File.WriteAllTextAsync(config, $$"""{ "Calls": { "ParkTimeoutSeconds": {{parkTimeoutSeconds}} } }""");
        return await SwitchProcess.StartAsync(extraArgs: ["--config", config, "--rtp-ports", $"{rtpFrom}-{rtpFrom + rtpPorts - 1}"]);
    }

    private static async Task<int> RegisterCalleeAsync(SwitchProcess sw, string user)
    {
        var port = FreePorts.TcpAndUdp();
        var result = await Sipp.RunAsync("register-auth.xml", sw.SipPort, ["-s", user, "-au", user, "-ap", "1234"], localPort: port);
        Assert.True(result.ExitCode == 0, result.ToString());
        return port;
    }

    /// <summary>What a careful controller does: bridge the parked call; when the bridge fails, hang up with its cause.</summary>
    private static Func<EventSocketClient, EventMessage, Task> BridgeOrRefuse(string target) => async (client, park) =>
    {
        var result = await client.ExecuteAsync(park.UniqueId!, "bridge", target);
        if (result.GetVariable("DIALSTATUS") is not "SUCCESS")
        {
            await client.ApiAsync($"uuid_kill {park.UniqueId} {result.GetVariable("originate_disposition") ?? "NORMAL_TEMPORARY_FAILURE"}");
        }
    };

    [Fact]
    public async Task Calls_beyond_a_tiny_range_are_refused_503_or_fail_the_bridge_with_SWITCH_CONGESTION_and_nothing_is_left()
    {
        // Three RTP pairs: the first call takes two (both legs), the second one (its b-leg gets none), the third none.
        await using var sw = await StartAsync(FreePorts.UdpRange(6), 6, parkTimeoutSeconds: 6);
        await using var controller = await TestController.ConnectAsync(sw);
        controller.OnPark = (client, park) => client.ExecuteAsync(park.UniqueId!, "bridge", "user/1001");
        var calleePort = await RegisterCalleeAsync(sw, "1001");
        var callee = Sipp.ServeAsync("uas-answer.xml", calleePort);
        var baseline = SocketCount(sw.Pid);

        var first = Sipp.RunAsync("uac-auth-call.xml", sw.SipPort, Args("1001", "-d", "8000"));
        var bridge = await controller.WaitForAsync(e => e.Name == "CHANNEL_BRIDGE", Wait, "the first call bridged");

        var secondTrace = Path.Combine(sw.DataDir, "second.log");
        var second = Sipp.RunAsync("uac-auth-fail.xml", sw.SipPort, Args("1001", "-trace_msg", "-message_file", secondTrace));
        var congested = await controller.WaitForAsync(e => e.Name == "CHANNEL_EXECUTE_COMPLETE" && e["Application"] == "bridge"
            && e.GetVariable("originate_disposition") == "SWITCH_CONGESTION", Wait, "the second call's bridge failing");
        var secondUuid = congested.UniqueId!;
        Assert.NotEqual(bridge["Bridge-A-Unique-ID"], secondUuid);
        var bLeg = await controller.WaitForAsync(e => e.Name == "CHANNEL_HANGUP" && e["Call-Direction"] == "outbound"
            && e["Hangup-Cause"] == "SWITCH_CONGESTION", Wait, "the b-leg without a port ending");
        Assert.Equal("true", (await controller.Client.ApiAsync($"uuid_exists {secondUuid}")).Body);

        // Every pair is taken now: the third caller is refused at once, with no channel.
        var thirdTrace = Path.Combine(sw.DataDir, "third.log");
        var third = await Sipp.RunAsync("uac-auth-fail.xml", sw.SipPort, Args("1001", "-trace_msg", "-message_file", thirdTrace));
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains("SIP/2.0 503 ", await File.ReadAllTextAsync(thirdTrace), StringComparison.Ordinal);

        // Nobody acts on the second caller: the park timeout ends it (480), the first call ends normally.
        var parked = await controller.WaitForAsync(e => e.Name == "CHANNEL_HANGUP" && e.UniqueId == secondUuid, Wait, "the parked caller's hangup");
        Assert.Equal("ALLOTTED_TIMEOUT", parked["Hangup-Cause"]);
        var secondResult = await second;
        Assert.True(secondResult.ExitCode == 0, secondResult.ToString());
        Assert.Contains("SIP/2.0 480 ", await File.ReadAllTextAsync(secondTrace), StringComparison.Ordinal);
        var firstResult = await first;
        Assert.True(firstResult.ExitCode == 0, firstResult.ToString());
        Assert.True((await callee).ExitCode == 0);
        Assert.DoesNotContain(controller.Events, e => e.Name == "CHANNEL_CREATE" && e.UniqueId != bridge["Bridge-A-Unique-ID"]
            && e.UniqueId != bridge["Bridge-B-Unique-ID"] && e.UniqueId != secondUuid && e.UniqueId != bLeg.UniqueId);

        await AssertNothingLeftAsync(sw, controller, baseline);
        Assert.InRange(Count(sw.Log, "RTP ports exhausted"), 1, 2);
    }

    [Fact]
    public async Task Ports_held_by_another_process_are_skipped_and_used_again_once_it_lets_them_go()
    {
        // Four pairs; "another process" (this test) holds the RTP ports of the first three.
        var from = FreePorts.UdpRange(8);
        var held = Enumerable.Range(0, 3).Select(pair => Hold(from + (2 * pair))).ToList();
        try
        {
            await using var sw = await StartAsync(from, 8, parkTimeoutSeconds: 60);
            await using var controller = await TestController.ConnectAsync(sw);
            controller.OnPark = BridgeOrRefuse("user/1001");
            var calleePort = await RegisterCalleeAsync(sw, "1001");
            var callee = Sipp.ServeAsync("uas-answer.xml", calleePort);
            var baseline = SocketCount(sw.Pid);

            // The a-leg binds the fourth pair; the b-leg finds none it can bind: SWITCH_CONGESTION, refused 503.
            var trace = Path.Combine(sw.DataDir, "refused.log");
            var refused = await Sipp.RunAsync("uac-auth-fail.xml", sw.SipPort, Args("1001", "-trace_msg", "-message_file", trace));
            Assert.True(refused.ExitCode == 0, refused.ToString());
            Assert.Contains("SIP/2.0 503 ", await File.ReadAllTextAsync(trace), StringComparison.Ordinal);
            var failed = await controller.WaitForAsync(e => e.Name == "CHANNEL_EXECUTE_COMPLETE" && e["Application"] == "bridge", Wait, "bridge completion");
            Assert.Equal("SWITCH_CONGESTION", failed.GetVariable("originate_disposition"));
            await sw.WaitForLogAsync("Cannot bind RTP socket", TimeSpan.FromSeconds(5));
            Assert.Equal(1, Count(sw.Log, "Cannot bind RTP socket"));

            // The other process lets go: the ports are used again (the pool did not shrink).
            foreach (var socket in held)
            {
                socket.Dispose();
            }
            held.Clear();
            var answered = await Sipp.RunAsync("uac-auth-call.xml", sw.SipPort, Args("1001", "-d", "300"));
            Assert.True(answered.ExitCode == 0, answered.ToString());
            Assert.True((await callee).ExitCode == 0);
            await controller.WaitForAsync(e => e.Name == "CHANNEL_BRIDGE", Wait, "the bridge once the ports are free");

            await AssertNothingLeftAsync(sw, controller, baseline);
        }
        finally
        {
            foreach (var socket in held)
            {
                socket.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_burst_of_calls_on_a_tiny_range_each_ends_one_way_or_the_other_and_nothing_is_left()
    {
        await using var sw = await StartAsync(FreePorts.UdpRange(6), 6, parkTimeoutSeconds: 60);
        await using var controller = await TestController.ConnectAsync(sw);
        controller.OnPark = BridgeOrRefuse("user/1001");
        var calleePort = await RegisterCalleeAsync(sw, "1001");
        var callee = Sipp.ServeAsync("uas-answer.xml", calleePort, calls: 12, timeout: TimeSpan.FromSeconds(15));
        var baseline = SocketCount(sw.Pid);

        var callers = await Sipp.RunAsync("uac-auth-any.xml", sw.SipPort, Args("1001", "-d", "1000", "-r", "40", "-l", "12"), calls: 12);

        Assert.True(callers.ExitCode == 0, "every call must be answered or refused\n" + callers);
        await AssertNothingLeftAsync(sw, controller, baseline);
        var aLegs = controller.Events.Where(e => e.Name == "CHANNEL_CREATE" && e["Call-Direction"] == "inbound").Select(e => e.UniqueId).ToHashSet();
        // Events travel on their own queue: an `api` reply (the check above) may overtake the last CHANNEL_DESTROY.
        foreach (var uuid in aLegs)
        {
            await controller.WaitForAsync(e => e.Name == "CHANNEL_DESTROY" && e.UniqueId == uuid, Wait, $"CHANNEL_DESTROY of {uuid}");
        }
        await callee;
    }

    /// <summary>No channel left (bounded wait) and the switch's socket count back to what it was before the calls.</summary>
    private static async Task AssertNothingLeftAsync(SwitchProcess sw, TestController controller, int baseline)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? channels = null;
        var sockets = -1;
        while (!deadline.IsCancellationRequested)
        {
            channels = (await controller.Client.ApiAsync("show channels count")).Body;
            sockets = SocketCount(sw.Pid);
            if (channels is not null && channels.Split('\n').Any(line => line.Trim() == "0 total.") && sockets == baseline)
            {
                return;
            }
            await Task.Delay(100, CancellationToken.None);
        }
        Assert.Fail($"left behind: show channels count = '{channels?.Trim()}', {sockets} sockets (before the calls: {baseline})\n"
            + (await controller.Client.ApiAsync("show channels")).Body);
    }

    /// <summary>The socket file descriptors the process holds (Linux /proc).</summary>
    private static int SocketCount(int pid)
    {
        var count = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true)
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // Closed while we looked.
            }
        }
        return count;
    }

    private static Socket Hold(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        return socket;
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
