using Switch.Client;
using Switch.EndToEnd.Support;

namespace Switch.EndToEnd;

/// <summary>
/// Real sipp phones calling through the switch while a controller (the SDK) decides: the B2BUA flows of the
/// seed capture — 407, park, bridge to a registered user, both hangup directions, busy, cancel, 3PCC.
/// </summary>
public sealed class CallTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>Registers <paramref name="user"/> from the port its callee will listen on (calls go to the source address).</summary>
    private static async Task<int> RegisterCalleeAsync(SwitchProcess sw, string user)
    {
        var port = FreePorts.TcpAndUdp();
        var result = await Sipp.RunAsync("register-auth.xml", sw.SipPort, ["-s", user, "-au", user, "-ap", "1234"], localPort: port);
        Assert.True(result.ExitCode == 0, result.ToString());
        return port;
    }

    private static Func<EventSocketClient, EventMessage, Task> BridgeTo(string target) =>
        (client, park) => client.ExecuteAsync(park.UniqueId!, "bridge", target);

    private static string[] Args(string callee, params string[] more) =>
        ["-s", callee, "-key", "caller", "1000", "-au", "1000", "-ap", "1234", .. more];

    [Fact]
    public async Task Parked_call_is_bridged_to_a_registered_user_and_the_caller_hangs_up()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var controller = await TestController.ConnectAsync(sw);
        controller.OnPark = BridgeTo("user/1001");
        var calleePort = await RegisterCalleeAsync(sw, "1001");
        var callee = Sipp.ServeAsync("uas-answer.xml", calleePort);

        var caller = await Sipp.RunAsync("uac-auth-call.xml", sw.SipPort, Args("1001", "-d", "500"));
        Assert.True(caller.ExitCode == 0, caller.ToString());
        var calleeResult = await callee;
        Assert.True(calleeResult.ExitCode == 0, calleeResult.ToString());

        var bridge = await controller.WaitForAsync(e => e.Name == "CHANNEL_BRIDGE", Wait, "CHANNEL_BRIDGE");
        var a = bridge["Bridge-A-Unique-ID"]!;
        var b = bridge["Bridge-B-Unique-ID"]!;
        await controller.WaitForAsync(e => e.Name == "CHANNEL_DESTROY" && e.UniqueId == b, Wait, "b-leg CHANNEL_DESTROY");
        var aDestroy = await controller.WaitForAsync(e => e.Name == "CHANNEL_DESTROY" && e.UniqueId == a, Wait, "a-leg CHANNEL_DESTROY");
        Assert.Equal("NORMAL_CLEARING", aDestroy["Hangup-Cause"]);
        Assert.Equal(
            ["CHANNEL_CREATE", "CHANNEL_PARK", "CHANNEL_ANSWER", "CHANNEL_BRIDGE", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY"],
            controller.EventNamesOf(a, "CHANNEL_CREATE", "CHANNEL_PARK", "CHANNEL_ANSWER", "CHANNEL_BRIDGE", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY"));
        Assert.Equal(["CHANNEL_CREATE", "CHANNEL_ANSWER", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY"],
            controller.EventNamesOf(b, "CHANNEL_CREATE", "CHANNEL_ANSWER", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY"));
        var create = controller.Events.First(e => e.Name == "CHANNEL_CREATE" && e.UniqueId == a);
        Assert.Equal("1000", create["Caller-Caller-ID-Number"]);
        Assert.Equal("1001", create["Caller-Destination-Number"]);
        Assert.StartsWith("sofia/internal/1000@", create["Channel-Name"], StringComparison.Ordinal);
        var complete = controller.Events.First(e => e.Name == "CHANNEL_HANGUP_COMPLETE" && e.UniqueId == a);
        Assert.True(int.Parse(complete.GetVariable("billsec") ?? "-1", System.Globalization.CultureInfo.InvariantCulture) >= 0);

        var channels = await controller.Client.ApiAsync("show channels count");
        Assert.Contains("0 total.", channels.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callee_hangs_up_and_the_caller_gets_a_BYE()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var controller = await TestController.ConnectAsync(sw);
        controller.OnPark = BridgeTo("user/1002");
        var calleePort = await RegisterCalleeAsync(sw, "1002");
        var callee = Sipp.ServeAsync("uas-answer-bye.xml", calleePort, ["-d", "500"]);

        var caller = await Sipp.RunAsync("uac-auth-wait-bye.xml", sw.SipPort, Args("1002"));
        Assert.True(caller.ExitCode == 0, caller.ToString());
        var calleeResult = await callee;
        Assert.True(calleeResult.ExitCode == 0, calleeResult.ToString());
        var hangup = await controller.WaitForAsync(e => e.Name == "CHANNEL_HANGUP_COMPLETE" && e["Call-Direction"] == "inbound", Wait, "a-leg hangup");
        Assert.Equal("NORMAL_CLEARING", hangup["Hangup-Cause"]);
    }

    [Fact]
    public async Task Busy_callee_leaves_the_a_leg_parked_for_the_controller_which_then_refuses_the_call()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var controller = await TestController.ConnectAsync(sw);
        controller.OnPark = async (client, park) =>
        {
            var result = await client.ExecuteAsync(park.UniqueId!, "bridge", "user/1003");
            // continue_on_fail: the a-leg is still here; the controller decides to refuse it with the cause.
            var cause = result.GetVariable("originate_disposition") ?? "NORMAL_TEMPORARY_FAILURE";
            await client.ApiAsync($"uuid_kill {park.UniqueId} {cause}");
        };
        var calleePort = await RegisterCalleeAsync(sw, "1003");
        var callee = Sipp.ServeAsync("uas-busy.xml", calleePort);

        var trace = Path.Combine(sw.DataDir, "caller-messages.log");
        var caller = await Sipp.RunAsync("uac-auth-fail.xml", sw.SipPort, Args("1003", "-trace_msg", "-message_file", trace));
        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True((await callee).ExitCode == 0);
        Assert.Contains("SIP/2.0 486 ", await File.ReadAllTextAsync(trace), StringComparison.Ordinal);
        var bHangup = await controller.WaitForAsync(e => e.Name == "CHANNEL_HANGUP" && e["Call-Direction"] == "outbound", Wait, "b-leg hangup");
        Assert.Equal("USER_BUSY", bHangup["Hangup-Cause"]);
        var aHangup = await controller.WaitForAsync(e => e.Name == "CHANNEL_HANGUP" && e["Call-Direction"] == "inbound", Wait, "a-leg hangup");
        Assert.Equal("USER_BUSY", aHangup["Hangup-Cause"]);
    }

    [Fact]
    public async Task Call_to_an_unregistered_user_fails_with_USER_NOT_REGISTERED_and_the_caller_is_refused()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var controller = await TestController.ConnectAsync(sw);
        controller.OnPark = async (client, park) =>
        {
            var result = await client.ExecuteAsync(park.UniqueId!, "bridge", "user/1009");
            await client.ApiAsync($"uuid_kill {park.UniqueId} {result.GetVariable("originate_disposition")}");
        };
        var caller = await Sipp.RunAsync("uac-auth-fail.xml", sw.SipPort, Args("1009"));
        Assert.True(caller.ExitCode == 0, caller.ToString());
        var complete = await controller.WaitForAsync(e => e.Name == "CHANNEL_EXECUTE_COMPLETE" && e["Application"] == "bridge", Wait, "bridge completion");
        Assert.Equal("USER_NOT_REGISTERED", complete.GetVariable("originate_disposition"));
    }

    [Fact]
    public async Task With_no_controller_attached_a_call_is_refused_at_once_with_480()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var caller = await Sipp.RunAsync("uac-refused.xml", sw.SipPort, ["-s", "1001", "-key", "caller", "1000"], timeout: TimeSpan.FromSeconds(10));
        Assert.True(caller.ExitCode == 0, caller.ToString());
        await sw.WaitForLogAsync("no controller is attached", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Caller_cancels_while_the_callee_rings_and_every_leg_ends_with_ORIGINATOR_CANCEL()
    {
        var config = Path.Combine(Directory.CreateTempSubdirectory("switch-cancel-").FullName, "switch.json");
        await File.WriteAllTextAsync(config, """{ "Sip": { "TrustedNetworks": [ "127.0.0.1/32" ] } }""");
        await using var sw = await SwitchProcess.StartAsync(extraArgs: ["--config", config]);
        await using var controller = await TestController.ConnectAsync(sw);
        controller.OnPark = BridgeTo("user/1004");
        var calleePort = await RegisterCalleeAsync(sw, "1004");
        var callee = Sipp.ServeAsync("uas-ring-cancel.xml", calleePort, ["-key", "order", "normal"]);

        var caller = await Sipp.RunAsync("uac-cancel-early.xml", sw.SipPort, ["-s", "1004", "-key", "caller", "1000", "-d", "700"]);
        Assert.True(caller.ExitCode == 0, caller.ToString());
        var calleeResult = await callee;
        Assert.True(calleeResult.ExitCode == 0, "the b-leg must be cancelled too\n" + calleeResult);
        var a = await controller.WaitForAsync(e => e.Name == "CHANNEL_HANGUP_COMPLETE" && e["Call-Direction"] == "inbound", Wait, "a-leg hangup");
        Assert.Equal("ORIGINATOR_CANCEL", a["Hangup-Cause"]);
        var b = await controller.WaitForAsync(e => e.Name == "CHANNEL_HANGUP_COMPLETE" && e["Call-Direction"] == "outbound", Wait, "b-leg hangup");
        Assert.Equal("ORIGINATOR_CANCEL", b["Hangup-Cause"]);
    }

    [Fact]
    public async Task Originate_calls_a_registered_user_3PCC_and_uuid_kill_hangs_it_up()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var controller = await TestController.ConnectAsync(sw);
        var calleePort = await RegisterCalleeAsync(sw, "1005");
        var callee = Sipp.ServeAsync("uas-answer.xml", calleePort);

        var job = await controller.Client.BgApiAsync("originate user/1005 &park()");
        Assert.StartsWith("+OK ", job.Body, StringComparison.Ordinal);
        var uuid = job.Body!.Trim()[4..];
        await controller.WaitForAsync(e => e.Name == "CHANNEL_PARK" && e.UniqueId == uuid, Wait, "originated leg parked");
        Assert.Equal("true", (await controller.Client.ApiAsync($"uuid_exists {uuid}")).Body);
        Assert.Equal("+OK\n", (await controller.Client.ApiAsync($"uuid_kill {uuid}")).Body);
        var calleeResult = await callee;
        Assert.True(calleeResult.ExitCode == 0, "the callee must receive the BYE\n" + calleeResult);
        var hangup = await controller.WaitForAsync(e => e.Name == "CHANNEL_HANGUP" && e.UniqueId == uuid, Wait, "hangup");
        Assert.Equal("NORMAL_CLEARING", hangup["Hangup-Cause"]);
    }
}
