using System.Globalization;
using System.Text.Json;
using Switch.EndToEnd.Support;

namespace Switch.EndToEnd.Examples;

/// <summary>
/// examples/CallCenter with 3 sipp agents (each answers 2 calls, talks 4 s, hangs up), 6 sipp callers who stay
/// until the agent hangs up, and one caller who gives up while queued.
/// </summary>
public sealed class CallCenterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly string[] Agents = ["1008", "1009", "1010"];

    [Fact]
    public async Task Six_callers_are_served_once_by_three_agents_one_call_at_a_time_and_an_abandoning_caller_leaves_the_queue()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var agents = new List<Task<ExternalTool.Result>>();
        foreach (var agent in Agents)
        {
            agents.Add(await Phones.RegisterAndServeAsync(sw, agent, "examples/uas-answer-bye.xml", ["-d", "4000"], calls: 2,
                timeout: TimeSpan.FromSeconds(35)));
        }

        var http = FreePorts.TcpAndUdp();
        await using var center = ExampleProcess.StartDotnet("CallCenter", sw.EslPort,
        [
            "--queue", "5000", "--agents", string.Join(',', Agents), "--wrap-up", "1", "--ring-timeout", "5",
            "--no-answer-pause", "2", "--http", $"127.0.0.1:{http.ToString(CultureInfo.InvariantCulture)}",
        ]);
        await center.WaitForLineAsync($"http http://127.0.0.1:{http.ToString(CultureInfo.InvariantCulture)}/stats", Wait);

        var callers = Sipp.RunAsync("examples/uac-auth-call-wait-bye.xml", sw.SipPort, Phones.Caller("1000", "5000"), calls: 6,
            timeout: TimeSpan.FromSeconds(35));
        await center.WaitForLineAsync(l => CountQueued(l, center) >= 6, "six caller-queued lines", Wait);

        // All three agents are talking (4 s) and three callers wait: 1007 joins, waits 1 s, and hangs up.
        var abandoner = await Sipp.RunAsync("uac-auth-call.xml", sw.SipPort, Phones.Caller("1007", "5000", "-d", "1000"),
            timeout: TimeSpan.FromSeconds(15));
        Assert.True(abandoner.ExitCode == 0, $"{abandoner}\n{center.Transcript}");
        var abandonedUuid = (await center.WaitForLineAsync(l => l.StartsWith("caller-queued ", StringComparison.Ordinal) && l.EndsWith(" 1007", StringComparison.Ordinal),
            "caller-queued <uuid> 1007", Wait)).Split(' ')[1];
        await center.WaitForLineAsync($"caller-abandoned {abandonedUuid} ", Wait);

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var during = await StatsAsync(client, http);
        Assert.Equal(1, during.GetProperty("abandoned").GetInt64());
        Assert.Equal(7, during.GetProperty("entered").GetInt64());
        Assert.True(during.GetProperty("waiting").GetInt32() <= 3, $"the abandoning caller is no longer waiting: {during}");

        var served = await callers;
        Assert.True(served.ExitCode == 0, $"every caller is answered by an agent who hangs up\n{served}\n{center.Transcript}");
        for (var i = 0; i < Agents.Length; i++)
        {
            var result = await agents[i];
            Assert.True(result.ExitCode == 0, $"agent {Agents[i]} takes two calls\n{result}\n{center.Transcript}");
        }

        // The stdout lines: each caller bridged once, no agent on two calls at once, the abandoner never offered.
        var lines = center.Lines;
        var talking = new Dictionary<string, string>(StringComparer.Ordinal);
        var bridgedCallers = new List<string>();
        foreach (var line in lines)
        {
            var words = line.Split(' ');
            if (words is ["bridged", var caller, "agent", var agent])
            {
                Assert.False(talking.ContainsKey(agent), $"agent {agent} got a second call while talking\n{center.Transcript}");
                talking[agent] = caller;
                bridgedCallers.Add(caller);
            }
            else if (words is ["call-ended", var ended, "agent", var agent2, ..])
            {
                Assert.True(talking.TryGetValue(agent2, out var current) && current == ended, $"unexpected '{line}'\n{center.Transcript}");
                talking.Remove(agent2);
            }
            Assert.False(line.StartsWith($"offer {abandonedUuid} ", StringComparison.Ordinal), $"the abandoning caller was offered\n{center.Transcript}");
        }
        Assert.Equal(6, bridgedCallers.Count);
        Assert.Equal(6, bridgedCallers.Distinct().Count());
        Assert.DoesNotContain(abandonedUuid, bridgedCallers);

        var after = await StatsAsync(client, http);
        Assert.Equal(0, after.GetProperty("waiting").GetInt32());
        Assert.Equal(6, after.GetProperty("answered").GetInt64());
        Assert.Equal(1, after.GetProperty("abandoned").GetInt64());
        foreach (var agent in after.GetProperty("agents").EnumerateArray())
        {
            Assert.Equal(2, agent.GetProperty("callsAnswered").GetInt32());
        }

        Assert.Equal(0, await center.StopAsync(Wait, "INT"));
    }

    [Fact]
    public async Task A_busy_agent_is_skipped_and_the_caller_goes_to_the_next_agent()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var busy = await Phones.RegisterAndServeAsync(sw, "1008", "examples/uas-busy.xml");
        var free = await Phones.RegisterAndServeAsync(sw, "1009", "examples/uas-answer-bye.xml", ["-d", "1000"]);

        var http = FreePorts.TcpAndUdp();
        await using var center = ExampleProcess.StartDotnet("CallCenter", sw.EslPort,
        [
            "--agents", "1008,1009", "--strategy", "round-robin", "--ring-timeout", "5", "--wrap-up", "1",
            "--no-answer-pause", "30", "--http", $"127.0.0.1:{http.ToString(CultureInfo.InvariantCulture)}",
        ]);
        await center.WaitForLineAsync("http ", Wait);

        var caller = await Sipp.RunAsync("examples/uac-auth-call-wait-bye.xml", sw.SipPort, Phones.Caller("1000", "5000"),
            timeout: TimeSpan.FromSeconds(20));
        Assert.True(caller.ExitCode == 0, $"{caller}\n{center.Transcript}");
        var uuid = (await center.WaitForLineAsync("caller-queued ", Wait)).Split(' ')[1];
        await center.WaitForLineAsync($"offer {uuid} agent 1008", Wait);
        await center.WaitForLineAsync("agent-no-answer 1008 USER_BUSY", Wait);
        await center.WaitForLineAsync($"bridged {uuid} agent 1009", Wait);
        await center.WaitForLineAsync($"call-ended {uuid} agent 1009", Wait);
        Assert.True((await busy).ExitCode == 0);
        Assert.True((await free).ExitCode == 0);

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var stats = await StatsAsync(client, http);
        var agents = stats.GetProperty("agents").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);
        Assert.Equal("no-answer-pause", agents["1008"].GetProperty("state").GetString());
        Assert.Equal(1, agents["1008"].GetProperty("noAnswers").GetInt32());
        Assert.Equal(1, agents["1009"].GetProperty("callsAnswered").GetInt32());
        Assert.Equal(1, stats.GetProperty("answered").GetInt64());
    }

    /// <summary>README: "A caller who hangs up while waiting (abandon) is removed and any ringing agent phones stop."</summary>
    [Fact]
    public async Task A_caller_who_hangs_up_while_an_agent_rings_stops_the_agent_phone()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var agent = await Phones.RegisterAndServeAsync(sw, "1008", "examples/uas-noanswer.xml");
        var http = FreePorts.TcpAndUdp();
        await using var center = ExampleProcess.StartDotnet("CallCenter", sw.EslPort,
            ["--agents", "1008", "--ring-timeout", "15", "--http", $"127.0.0.1:{http.ToString(CultureInfo.InvariantCulture)}"]);
        await center.WaitForLineAsync("http ", Wait);

        var caller = await Sipp.RunAsync("uac-auth-call.xml", sw.SipPort, Phones.Caller("1000", "5000", "-d", "2000"),
            timeout: TimeSpan.FromSeconds(20));
        Assert.True(caller.ExitCode == 0, $"{caller}\n{center.Transcript}");
        var uuid = (await center.WaitForLineAsync("caller-queued ", Wait)).Split(' ')[1];
        await center.WaitForLineAsync($"offer {uuid} agent 1008", Wait);
        await center.WaitForLineAsync($"caller-abandoned {uuid} ", Wait);

        var rang = await agent;
        Assert.True(rang.ExitCode == 0, $"the agent's phone rings, then is cancelled\n{rang}\n{center.Transcript}");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var stats = await StatsAsync(client, http);
        Assert.Equal(0, stats.GetProperty("waiting").GetInt32());
        Assert.Equal(1, stats.GetProperty("abandoned").GetInt64());
        Assert.Equal(0, stats.GetProperty("answered").GetInt64());
    }

    /// <summary>README: a queued caller "hears hold music (playback of a tone_stream:// in a loop) until an agent takes them".</summary>
    [Fact]
    public async Task A_queued_caller_hears_hold_music_until_the_caller_hangs_up()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var http = FreePorts.TcpAndUdp();
        await using var center = ExampleProcess.StartDotnet("CallCenter", sw.EslPort,
            ["--agents", "1008", "--http", $"127.0.0.1:{http.ToString(CultureInfo.InvariantCulture)}"]);
        await center.WaitForLineAsync("http ", Wait);

        // No agent is registered: the caller waits 2 s on hold, then hangs up.
        var caller = await Sipp.RunAsync("uac-auth-call.xml", sw.SipPort, Phones.Caller("1000", "5000", "-d", "2000"),
            timeout: TimeSpan.FromSeconds(20));
        Assert.True(caller.ExitCode == 0, $"{caller}\n{center.Transcript}");
        var uuid = (await center.WaitForLineAsync("caller-queued ", Wait)).Split(' ')[1];
        await center.WaitForLineAsync($"caller-abandoned {uuid} ", Wait);
        Assert.DoesNotContain(center.Lines, l => l.StartsWith("hold-music-failed ", StringComparison.Ordinal));
    }

    private static int CountQueued(string line, ExampleProcess center) =>
        line.StartsWith("caller-queued ", StringComparison.Ordinal)
            ? center.Lines.Count(l => l.StartsWith("caller-queued ", StringComparison.Ordinal)) : 0;

    private static async Task<JsonElement> StatsAsync(HttpClient client, int port)
    {
        var json = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/stats"));
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
