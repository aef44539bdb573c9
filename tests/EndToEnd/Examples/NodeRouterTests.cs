using Switch.EndToEnd.Support;

namespace Switch.EndToEnd.Examples;

/// <summary>examples/node/router.js (npm modesl, unmodified) routing a call between real sipp phones.</summary>
public sealed class NodeRouterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Two_phones_talk_through_the_node_router()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var router = ExampleProcess.StartNodeRouter(sw.EslPort);
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
        await router.WaitForLineAsync($"bridged {uuid}", Wait);
        Assert.DoesNotContain(router.Lines, l => l.StartsWith("bridge-failed", StringComparison.Ordinal));

        Assert.Equal(0, await router.StopAsync(Wait, "INT"));
        Assert.Contains("stopping", router.Lines);
    }

    [Fact]
    public async Task The_node_router_refuses_a_call_to_an_unregistered_user_with_the_cause()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var router = ExampleProcess.StartNodeRouter(sw.EslPort);
        await router.WaitForLineAsync($"connected 127.0.0.1:{sw.EslPort}", Wait);

        var caller = await Sipp.RunAsync("examples/uac-auth-call-rejected.xml", sw.SipPort, Phones.Caller("1000", "1002"),
            timeout: TimeSpan.FromSeconds(20));
        Assert.True(caller.ExitCode == 0, $"the caller must get 404 or 480\n{caller}\n{router.Transcript}");

        var park = await router.WaitForLineAsync("park ", Wait);
        var uuid = park.Split(' ')[1];
        await router.WaitForLineAsync($"bridge-failed {uuid} USER_NOT_REGISTERED", Wait);
        await router.WaitForLineAsync($"hangup {uuid} USER_NOT_REGISTERED", Wait);
    }
}
