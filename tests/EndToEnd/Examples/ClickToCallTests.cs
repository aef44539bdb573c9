using Switch.EndToEnd.Support;

namespace Switch.EndToEnd.Examples;

/// <summary>examples/ClickToCall: the agent (1008) and the customer (1018) are sipp phones; every outcome has its exit code.</summary>
public sealed class ClickToCallTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task Agent_and_customer_are_answered_bridged_and_the_program_exits_0()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var agent = await Phones.RegisterAndServeAsync(sw, "1008", "uas-answer.xml");
        var customer = await Phones.RegisterAndServeAsync(sw, "1018", "examples/uas-answer-bye.xml", ["-d", "1000"]);

        await using var c2c = ExampleProcess.StartDotnet("ClickToCall", sw.EslPort, ["--agent", "1008", "--customer", "1018", "--timeout", "10"]);
        Assert.True(await c2c.WaitForExitAsync(Wait) == 0, $"{c2c.Transcript}\n{sw.Log}");

        var agentLeg = (await c2c.WaitForLineAsync("agent-ringing ", Wait)).Split(' ')[1];
        await c2c.WaitForLineAsync($"agent-answered {agentLeg}", Wait);
        await c2c.WaitForLineAsync("bridge-customer user/1018", Wait);
        var bridged = (await c2c.WaitForLineAsync($"bridged {agentLeg} ", Wait)).Split(' ');
        Assert.True(Guid.TryParse(bridged[2], out _) && bridged[2] != agentLeg, c2c.Transcript);
        await c2c.WaitForLineAsync("completed ", Wait);

        var customerResult = await customer;
        Assert.True(customerResult.ExitCode == 0, $"the customer answers and hangs up\n{customerResult}");
        var agentResult = await agent;
        Assert.True(agentResult.ExitCode == 0, $"the agent answers and receives the BYE\n{agentResult}\n{c2c.Transcript}");
    }

    [Fact]
    public async Task A_busy_agent_ends_the_program_with_exit_code_10()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var agent = await Phones.RegisterAndServeAsync(sw, "1008", "examples/uas-busy.xml");

        await using var c2c = ExampleProcess.StartDotnet("ClickToCall", sw.EslPort, ["--agent", "1008", "--customer", "1018", "--timeout", "10"]);
        Assert.True(await c2c.WaitForExitAsync(Wait) == 10, $"{c2c.Transcript}\n{sw.Log}");
        await c2c.WaitForLineAsync("agent-failed USER_BUSY", Wait);
        Assert.DoesNotContain(c2c.Lines, l => l.StartsWith("bridge-customer", StringComparison.Ordinal));
        var busy = await agent;
        Assert.True(busy.ExitCode == 0, busy.ToString());
    }

    [Fact]
    public async Task A_customer_who_does_not_answer_ends_the_program_with_exit_code_21_and_the_agent_is_hung_up()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var agent = await Phones.RegisterAndServeAsync(sw, "1008", "uas-answer.xml");
        var customer = await Phones.RegisterAndServeAsync(sw, "1018", "examples/uas-noanswer.xml");

        // The customer rings 3 s; the agent has a time of its own, so a slow host cannot time out the agent's answer.
        await using var c2c = ExampleProcess.StartDotnet("ClickToCall", sw.EslPort,
            ["--agent", "1008", "--customer", "1018", "--timeout", "3", "--agent-timeout", "20"]);
        Assert.True(await c2c.WaitForExitAsync(Wait) == 21, $"{c2c.Transcript}\n{sw.Log}");
        await c2c.WaitForLineAsync("customer-failed ", Wait);
        await c2c.WaitForLineAsync("agent-hangup ", Wait);

        var rang = await customer;
        Assert.True(rang.ExitCode == 0, $"the customer's phone rings, then is cancelled\n{rang}");
        var agentResult = await agent;
        Assert.True(agentResult.ExitCode == 0, $"the agent receives the BYE\n{agentResult}");
    }

    [Fact]
    public async Task An_agent_who_does_not_answer_within_the_agent_timeout_ends_the_program_with_exit_code_11()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var agent = await Phones.RegisterAndServeAsync(sw, "1008", "examples/uas-noanswer.xml");

        // --agent-timeout, not --timeout, bounds the agent's ringing.
        await using var c2c = ExampleProcess.StartDotnet("ClickToCall", sw.EslPort,
            ["--agent", "1008", "--customer", "1018", "--timeout", "60", "--agent-timeout", "2"]);
        Assert.True(await c2c.WaitForExitAsync(Wait) == 11, $"{c2c.Transcript}\n{sw.Log}");
        await c2c.WaitForLineAsync("agent-failed NO_ANSWER", Wait);
        Assert.DoesNotContain(c2c.Lines, l => l.StartsWith("bridge-customer", StringComparison.Ordinal));
        var rang = await agent;
        Assert.True(rang.ExitCode == 0, $"the agent's phone rings, then is cancelled\n{rang}");
    }

    [Fact]
    public async Task A_busy_customer_ends_the_program_with_exit_code_20()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var agent = await Phones.RegisterAndServeAsync(sw, "1008", "uas-answer.xml");
        var customer = await Phones.RegisterAndServeAsync(sw, "1018", "examples/uas-busy.xml");

        await using var c2c = ExampleProcess.StartDotnet("ClickToCall", sw.EslPort, ["--agent", "1008", "--customer", "1018", "--timeout", "10"]);
        Assert.True(await c2c.WaitForExitAsync(Wait) == 20, $"{c2c.Transcript}\n{sw.Log}");
        await c2c.WaitForLineAsync("customer-failed USER_BUSY", Wait);
        await c2c.WaitForLineAsync("agent-hangup ", Wait);

        var busy = await customer;
        Assert.True(busy.ExitCode == 0, busy.ToString());
        var agentResult = await agent;
        Assert.True(agentResult.ExitCode == 0, $"the agent receives the BYE\n{agentResult}");
    }

    [Fact]
    public async Task An_unregistered_agent_ends_the_program_with_exit_code_12()
    {
        await using var sw = await SwitchProcess.StartAsync();
        await using var c2c = ExampleProcess.StartDotnet("ClickToCall", sw.EslPort, ["--agent", "1008", "--customer", "1018", "--timeout", "5"]);
        Assert.True(await c2c.WaitForExitAsync(Wait) == 12, $"{c2c.Transcript}\n{sw.Log}");
        await c2c.WaitForLineAsync("agent-failed USER_NOT_REGISTERED", Wait);
    }

    [Fact]
    public async Task An_agent_who_hangs_up_while_the_customer_rings_ends_the_program_with_exit_code_13_and_cancels_the_customer()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var agent = await Phones.RegisterAndServeAsync(sw, "1008", "examples/uas-answer-bye.xml", ["-d", "1500"]);
        var customer = await Phones.RegisterAndServeAsync(sw, "1018", "examples/uas-noanswer.xml");

        await using var c2c = ExampleProcess.StartDotnet("ClickToCall", sw.EslPort, ["--agent", "1008", "--customer", "1018", "--timeout", "15"]);
        Assert.True(await c2c.WaitForExitAsync(Wait) == 13, $"{c2c.Transcript}\n{sw.Log}");
        await c2c.WaitForLineAsync("agent-hungup ", Wait);

        var agentResult = await agent;
        Assert.True(agentResult.ExitCode == 0, $"the agent answers and hangs up\n{agentResult}");
        var rang = await customer;
        Assert.True(rang.ExitCode == 0, $"the customer's phone stops ringing (CANCEL)\n{rang}\n{c2c.Transcript}");
    }

    [Fact]
    public async Task Ctrl_C_while_the_customer_rings_exits_4_and_hangs_up_both_phones()
    {
        await using var sw = await SwitchProcess.StartAsync();
        var agent = await Phones.RegisterAndServeAsync(sw, "1008", "uas-answer.xml");
        var customer = await Phones.RegisterAndServeAsync(sw, "1018", "examples/uas-noanswer.xml");

        await using var c2c = ExampleProcess.StartDotnet("ClickToCall", sw.EslPort, ["--agent", "1008", "--customer", "1018", "--timeout", "20"]);
        await c2c.WaitForLineAsync("bridge-customer user/1018", Wait);
        await SwitchChannels.WaitForAsync(sw, l => l.Contains("/1018@", StringComparison.Ordinal)
            && (l.Contains(",RINGING,", StringComparison.Ordinal) || l.Contains(",EARLY,", StringComparison.Ordinal)), "ringing 1018", Wait);
        Assert.Equal(4, await c2c.StopAsync(Wait, "INT"));
        Assert.Contains("interrupted", c2c.Lines);

        var agentResult = await agent;
        Assert.True(agentResult.ExitCode == 0, $"the agent receives the BYE\n{agentResult}\n{c2c.Transcript}");
        var rang = await customer;
        Assert.True(rang.ExitCode == 0, $"the customer's phone stops ringing (CANCEL)\n{rang}\n{c2c.Transcript}");
    }
}
