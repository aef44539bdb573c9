using Switch.Calls;
using Switch.Tests.Calls.Fakes;

namespace Switch.Tests.Calls;

public sealed class ApplicationTests
{
    [Fact]
    public async Task Execute_frames_the_application_with_its_event_uuid()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();

        var result = await h.Engine.ExecuteApplicationAsync(a, "set", "foo=bar baz", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "my-name");

        Assert.Equal(ExecuteStatus.Completed, result.Status);
        var execute = h.Events.All.Single(e => e.Name == "CHANNEL_EXECUTE" && e.GetHeader("Application") == "set");
        var complete = h.Events.All.Single(e => e.Name == "CHANNEL_EXECUTE_COMPLETE" && e.GetHeader("Application") == "set");
        Assert.Equal(["Application", "Application-Data", "Application-UUID", "Application-UUID-Name"], execute.Headers.TakeLast(4).Select(x => x.Key));
        Assert.Equal(["Application", "Application-Data", "Application-Response", "Application-UUID", "Application-UUID-Name"],
            complete.Headers.TakeLast(5).Select(x => x.Key));
        Assert.Equal("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", complete.GetHeader("Application-UUID"));
        Assert.Equal("my-name", complete.GetHeader("Application-UUID-Name"));
        Assert.Equal("foo=bar baz", complete.GetHeader("Application-Data"));
        Assert.Equal("_none_", complete.GetHeader("Application-Response"));
        Assert.Equal("bar baz", complete.GetHeader("variable_foo"));
        Assert.Equal("bar baz", (await h.Engine.GetVariableAsync(a, "foo")).Value);

        await h.Engine.ExecuteApplicationAsync(a, "set", "foo=", null);
        Assert.Null((await h.Engine.GetVariableAsync(a, "foo")).Value);
    }

    [Fact]
    public async Task Without_event_uuid_a_fresh_application_uuid_is_used()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        await h.Engine.ExecuteApplicationAsync(a, "answer", null, null);
        var complete = h.Events.All.Single(e => e.Name == "CHANNEL_EXECUTE_COMPLETE" && e.GetHeader("Application") == "answer");
        Assert.True(Guid.TryParse(complete.GetHeader("Application-UUID"), out _));
        Assert.Null(complete.GetHeader("Application-Data"));
    }

    [Fact]
    public async Task Applications_run_one_at_a_time_in_order()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();

        var sleep = h.Engine.ExecuteApplicationAsync(a, "sleep", "1000", null).AsTask();
        var set = h.Engine.ExecuteApplicationAsync(a, "set", "after=1", null).AsTask();
        await h.Events.WaitAsync(e => e.Name == "CHANNEL_EXECUTE" && e.GetHeader("Application") == "sleep");
        await h.Engine.SetVariableAsync(a, "probe", "1");
        Assert.False(sleep.IsCompleted);
        Assert.False(set.IsCompleted);

        h.Clock.Advance(TimeSpan.FromMilliseconds(1000));
        await Task.WhenAll(sleep, set).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["EXECUTE sleep", "EXECUTE_COMPLETE sleep", "EXECUTE set", "EXECUTE_COMPLETE set"], h.Events.Trace(a).Skip(7));
    }

    [Fact]
    public async Task Hangup_drops_queued_applications_and_completes_the_running_one()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        var sleep = h.Engine.ExecuteApplicationAsync(a, "sleep", "5000", null).AsTask();
        var queued = h.Engine.ExecuteApplicationAsync(a, "answer", null, null).AsTask();
        await h.Events.WaitAsync(e => e.Name == "CHANNEL_EXECUTE" && e.GetHeader("Application") == "sleep");

        var hangup = h.Engine.ExecuteApplicationAsync(a, "hangup", "NORMAL_CLEARING", null).AsTask();
        Assert.True(await h.Engine.HangupAsync(a, HangupCause.CallRejected));

        Assert.Equal(ExecuteStatus.Completed, (await sleep.WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(ExecuteStatus.HungUp, (await queued.WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(ExecuteStatus.HungUp, (await hangup.WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(["hangup:CALL_REJECTED"], h.Inbound[a].Actions);
    }

    [Fact]
    public async Task Hangup_application_runs_with_its_cause()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        var result = await h.Engine.ExecuteApplicationAsync(a, "hangup", "USER_BUSY", null);
        Assert.Equal(ExecuteStatus.Completed, result.Status);
        Assert.Equal(["hangup:USER_BUSY"], h.Inbound[a].Actions);
        // The hangup application's result comes back before the park it ended reports its own completion.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (h.Events.Trace(a).Count < 12 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
        var trace = h.Events.Trace(a).Skip(7).ToArray();
        Assert.Equal(["EXECUTE hangup", "HANGUP USER_BUSY", "EXECUTE_COMPLETE hangup", "UNPARK", "EXECUTE_COMPLETE park"], trace.Take(5));
    }

    [Fact]
    public async Task Unknown_applications_complete_with_an_error_response()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        var result = await h.Engine.ExecuteApplicationAsync(a, "no_such_app", "x", "u-1");
        Assert.Equal(ExecuteStatus.Completed, result.Status);
        Assert.Equal("-ERR Invalid Application", result.Response);
        Assert.True(h.Engine.Exists(a));
    }

    [Fact]
    public async Task Park_on_a_parked_channel_completes_at_once()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        var result = await h.Engine.ExecuteApplicationAsync(a, "park", null, null);
        Assert.Equal(ExecuteStatus.Completed, result.Status);
        Assert.Single(h.Events.All, e => e.Name == "CHANNEL_PARK");
    }

    [Fact]
    public async Task Hupall_filters_by_variable()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        var b = await h.InboundAsync(from: "1002");
        await h.Engine.SetVariableAsync(b, "tenant", "x");

        Assert.Equal(1, await h.Engine.HangupAllAsync(HangupCause.ManagerRequest, "tenant", "x"));
        Assert.Equal(["hangup:MANAGER_REQUEST"], h.Inbound[b].Actions);
        Assert.True(h.Engine.Exists(a));
        Assert.Equal(1, await h.Engine.HangupAllAsync(HangupCause.SystemShutdown));
        await h.WaitForNoChannelsAsync();
    }

    [Fact]
    public async Task Snapshot_lists_channels_oldest_first()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync("5000");
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var b = await h.InboundAsync("5001", from: "1002");

        await h.Engine.SetVariableAsync(a, "probe", "1");
        await h.Engine.SetVariableAsync(b, "probe", "1");
        var rows = h.Engine.Snapshot();

        Assert.Equal([a, b], rows.Select(r => r.Uuid));
        Assert.Equal("park", rows[0].Application);
        Assert.Equal("RINGING", rows[0].CallState);
        Assert.Equal("CS_EXECUTE", rows[0].State);
        Assert.Equal("5001", rows[1].DestinationNumber);
    }
}
