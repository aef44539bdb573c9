using Switch.EndToEnd.Support;

namespace Switch.EndToEnd.Examples;

/// <summary>examples/Router (the dialplan as a C# program) between real sipp phones.</summary>
public sealed class RouterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Two_phones_talk_through_the_router_and_the_call_ends_with_a_BYE()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var router = ExampleProcess.StartDotnet("Router", sw.EslPort);
        await router.WaitForLineAsync($"connected 127.0.0.1:{sw.EslPort}", Wait);

        var callee = await Phones.RegisterAndServeAsync(sw, "1001", "uas-answer.xml");
        var caller = await Sipp.RunAsync("uac-auth-call.xml", sw.SipPort, Phones.Caller("1000", "1001", "-d", "1000"),
            timeout: TimeSpan.FromSeconds(20));
        Assert.True(caller.ExitCode == 0, $"{caller}\n{router.Transcript}\n{sw.Log}");
        var answered = await callee;
        Assert.True(answered.ExitCode == 0, $"{answered}\n{router.Transcript}");

        var park = await router.WaitForLineAsync("park ", Wait);
        var uuid = park.Split(' ')[1];
        Assert.Equal($"park {uuid} 1000 -> 1001", park);
        await router.WaitForLineAsync($"bridge {uuid} user/1001", Wait);
        var bridged = (await router.WaitForLineAsync($"bridged {uuid} ", Wait)).Split(' ');
        Assert.True(Guid.TryParse(bridged[2], out _) && bridged[2] != uuid, router.Transcript);
        await router.WaitForLineAsync($"ended {uuid} NORMAL_CLEARING", Wait);

        Assert.Equal(0, await router.StopAsync(Wait, "INT"));
        Assert.Contains("stopping", router.Lines);
    }

    [Fact]
    public async Task A_call_to_an_unregistered_user_is_refused_and_the_router_prints_the_cause()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var router = ExampleProcess.StartDotnet("Router", sw.EslPort);
        await router.WaitForLineAsync($"connected 127.0.0.1:{sw.EslPort}", Wait);

        var caller = await Sipp.RunAsync("examples/uac-auth-call-rejected.xml", sw.SipPort, Phones.Caller("1000", "1002"),
            timeout: TimeSpan.FromSeconds(20));
        Assert.True(caller.ExitCode == 0, $"the caller must get 404 or 480\n{caller}\n{router.Transcript}");

        var park = await router.WaitForLineAsync("park ", Wait);
        var uuid = park.Split(' ')[1];
        await router.WaitForLineAsync($"bridge {uuid} user/1002", Wait);
        await router.WaitForLineAsync($"bridge-failed {uuid} USER_NOT_REGISTERED", Wait);
        await router.WaitForLineAsync($"hangup {uuid} USER_NOT_REGISTERED", Wait);
        Assert.DoesNotContain(router.Lines, l => l.StartsWith("bridged ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_busy_callee_gives_the_caller_a_busy_signal_and_the_router_prints_USER_BUSY()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var router = ExampleProcess.StartDotnet("Router", sw.EslPort);
        await router.WaitForLineAsync($"connected 127.0.0.1:{sw.EslPort}", Wait);

        var callee = await Phones.RegisterAndServeAsync(sw, "1001", "examples/uas-busy.xml");
        var caller = await Sipp.RunAsync("examples/uac-auth-call-busy.xml", sw.SipPort, Phones.Caller("1000", "1001"),
            timeout: TimeSpan.FromSeconds(20));
        Assert.True(caller.ExitCode == 0, $"the caller must get 486\n{caller}\n{router.Transcript}\n{sw.Log}");
        var busy = await callee;
        Assert.True(busy.ExitCode == 0, busy.ToString());

        var park = await router.WaitForLineAsync("park ", Wait);
        var uuid = park.Split(' ')[1];
        await router.WaitForLineAsync($"bridge-failed {uuid} USER_BUSY", Wait);
        await router.WaitForLineAsync($"hangup {uuid} USER_BUSY", Wait);
    }

    [Fact]
    public async Task A_caller_who_gives_up_while_the_callee_rings_cancels_the_callee_and_the_router_prints_it()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var router = ExampleProcess.StartDotnet("Router", sw.EslPort);
        await router.WaitForLineAsync($"connected 127.0.0.1:{sw.EslPort}", Wait);

        var callee = await Phones.RegisterAndServeAsync(sw, "1001", "examples/uas-noanswer.xml");
        var caller = await Sipp.RunAsync("examples/uac-auth-cancel.xml", sw.SipPort, Phones.Caller("1000", "1001", "-d", "1000"),
            timeout: TimeSpan.FromSeconds(20));
        Assert.True(caller.ExitCode == 0, $"{caller}\n{router.Transcript}\n{sw.Log}");
        var rang = await callee;
        Assert.True(rang.ExitCode == 0, $"the callee's INVITE is cancelled\n{rang}\n{router.Transcript}");

        var park = await router.WaitForLineAsync("park ", Wait);
        var uuid = park.Split(' ')[1];
        await router.WaitForLineAsync($"bridge {uuid} user/1001", Wait);
        await router.WaitForLineAsync(l => l.StartsWith($"caller-hangup {uuid} ", StringComparison.Ordinal)
            || l.StartsWith($"bridge-failed {uuid} ", StringComparison.Ordinal), "caller-hangup or bridge-failed", Wait);
        Assert.DoesNotContain(router.Lines, l => l.StartsWith("bridged ", StringComparison.Ordinal));
    }

    /// <summary>
    /// README: 9196 answers and runs echo, or plays a tone in a loop "until the caller hangs up" when the switch
    /// has no echo application. The caller stays 2 s and hangs up itself.
    /// </summary>
    [Fact]
    public async Task The_echo_extension_answers_and_keeps_the_caller_until_the_caller_hangs_up()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var router = ExampleProcess.StartDotnet("Router", sw.EslPort);
        await router.WaitForLineAsync($"connected 127.0.0.1:{sw.EslPort}", Wait);

        var caller = await Sipp.RunAsync("uac-auth-call.xml", sw.SipPort, Phones.Caller("1000", "9196", "-d", "2000"),
            timeout: TimeSpan.FromSeconds(20));

        var park = await router.WaitForLineAsync("park ", Wait);
        var uuid = park.Split(' ')[1];
        await router.WaitForLineAsync($"answer {uuid}", Wait);
        await router.WaitForLineAsync($"ended {uuid} ", Wait);
        Assert.True(caller.ExitCode == 0, $"the caller must be able to stay 2 s and hang up itself\n{caller}\n{router.Transcript}");
        Assert.DoesNotContain(router.Lines, l => l.StartsWith($"playback-failed {uuid}", StringComparison.Ordinal));
    }
}
