using Microsoft.Extensions.Logging.Abstractions;
using Switch.Calls;
using Switch.Commands;
using Switch.Commands.Channels;
using Switch.Tests.Calls.Fakes;

namespace Switch.Tests.Calls;

public sealed class MediaApplicationTests
{
    [Fact]
    public async Task Playback_pre_answers_plays_and_reports_the_file_result()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();

        var play = h.Engine.ExecuteApplicationAsync(a, "playback", "/sounds/hello.wav", "evt-1").AsTask();
        await h.Events.WaitAsync("PLAYBACK_START", a);
        Assert.Equal(["pre_answer", "play:/sounds/hello.wav"], h.Inbound[a].Actions);
        Assert.False(play.IsCompleted);

        h.Inbound[a].CompletePlayback("FILE PLAYED");

        var result = await play.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("FILE PLAYED", result.Response);
        Assert.Equal(["EXECUTE playback", "PROGRESS_MEDIA", "CALLSTATE EARLY", "PLAYBACK_START", "PLAYBACK_STOP", "EXECUTE_COMPLETE playback"],
            h.Events.Trace(a).Skip(7));
        var stop = h.Events.All.Single(e => e.Name == "PLAYBACK_STOP");
        Assert.Equal("/sounds/hello.wav", stop.GetHeader("Playback-File-Path"));
        Assert.Equal("done", stop.GetHeader("Playback-Status"));
        var complete = h.Events.All.Single(e => e.Name == "CHANNEL_EXECUTE_COMPLETE" && e.GetHeader("Application") == "playback");
        Assert.Equal("FILE PLAYED", complete.GetHeader("Application-Response"));
        Assert.Equal("evt-1", complete.GetHeader("Application-UUID"));
    }

    [Fact]
    public async Task Break_stops_playback_with_status_break_and_missing_files_report_not_found()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        await h.Engine.AnswerAsync(a);
        var play = h.Engine.ExecuteApplicationAsync(a, "playback", "tone_stream://%(1000,0,440)", null).AsTask();
        await h.Events.WaitAsync("PLAYBACK_START", a);

        Assert.True(await h.Engine.BreakAsync(a));

        await play.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("break", h.Events.All.Single(e => e.Name == "PLAYBACK_STOP").GetHeader("Playback-Status"));

        var missing = h.Engine.ExecuteApplicationAsync(a, "playback", "/nope.wav", null).AsTask();
        await h.Events.WaitAsync(e => e.Name == "PLAYBACK_START" && e.GetHeader("Playback-File-Path") == "/nope.wav");
        h.Inbound[a].CompletePlayback("FILE NOT FOUND");
        Assert.Equal("FILE NOT FOUND", (await missing.WaitAsync(TimeSpan.FromSeconds(10))).Response);
    }

    [Fact]
    public async Task Playback_without_media_is_a_playback_error()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        h.Inbound[a].HasMedia = false;
        var result = await h.Engine.ExecuteApplicationAsync(a, "playback", "/x.wav", null);
        Assert.Equal("PLAYBACK ERROR", result.Response);
    }

    [Fact]
    public async Task Hangup_during_playback_stops_it()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        var play = h.Engine.ExecuteApplicationAsync(a, "playback", "/long.wav", null).AsTask();
        await h.Events.WaitAsync("PLAYBACK_START", a);
        await h.Engine.HangupAsync(a, HangupCause.NormalClearing);
        await play.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("stop_playback", h.Inbound[a].Actions);
    }

    [Fact]
    public async Task Endless_playback_loops_until_break_or_hangup()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        await h.Engine.AnswerAsync(a);
        var play = h.Engine.ExecuteApplicationAsync(a, "endless_playback", "/moh.wav", "e-1").AsTask();
        await h.Events.WaitAsync("PLAYBACK_START", a);
        Assert.Contains("play:/moh.wavx-1", h.Inbound[a].Actions);
        Assert.False(play.IsCompleted);

        Assert.True(await h.Engine.BreakAsync(a));

        Assert.Equal("FILE PLAYED", (await play.WaitAsync(TimeSpan.FromSeconds(10))).Response);
        Assert.Equal("break", h.Events.All.Single(e => e.Name == "PLAYBACK_STOP").GetHeader("Playback-Status"));

        var again = h.Engine.ExecuteApplicationAsync(a, "endless_playback", "/moh.wav", null).AsTask();
        await h.Events.WaitAsync(e => e.Name == "PLAYBACK_START" && h.Events.All.Count(x => x.Name == "PLAYBACK_START") == 2);
        await h.Engine.HangupAsync(a, HangupCause.NormalClearing);
        await again.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, h.Inbound[a].Actions.Count(x => x == "stop_playback"));
    }

    [Fact]
    public async Task Echo_runs_until_uuid_break_and_then_completes()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        await h.Engine.AnswerAsync(a);
        var echo = h.Engine.ExecuteApplicationAsync(a, "echo", null, "echo-1").AsTask();
        await h.Events.WaitAsync(e => e.Name == "CHANNEL_EXECUTE" && e.GetHeader("Application") == "echo");
        Assert.True(h.Inbound[a].Echoing);
        Assert.False(echo.IsCompleted);

        Assert.True(await h.Engine.BreakAsync(a));

        var result = await echo.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(result.Ran);
        Assert.False(h.Inbound[a].Echoing);
        Assert.Equal(["echo", "stop_echo"], h.Inbound[a].Actions.Where(x => x.Contains("echo", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Hangup_during_echo_stops_it_and_echo_without_media_is_an_error()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        var echo = h.Engine.ExecuteApplicationAsync(a, "echo", null, null).AsTask();
        await h.Events.WaitAsync(e => e.Name == "CHANNEL_EXECUTE" && e.GetHeader("Application") == "echo");
        await h.Engine.HangupAsync(a, HangupCause.NormalClearing);
        await echo.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("stop_echo", h.Inbound[a].Actions);

        var b = await h.InboundAsync();
        h.Inbound[b].HasMedia = false;
        Assert.Equal("-ERR no media", (await h.Engine.ExecuteApplicationAsync(b, "echo", null, null)).Response);
    }

    [Fact]
    public async Task Received_dtmf_becomes_a_dtmf_event_without_variables()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();

        h.Engine.LegEvents.Dtmf(a, '5', 2000, "RTP");

        var e = await h.Events.WaitAsync("DTMF", a);
        Assert.Equal(["DTMF-Digit", "DTMF-Duration", "DTMF-Source"], e.Headers.TakeLast(3).Select(x => x.Key));
        Assert.Equal("5", e.GetHeader("DTMF-Digit"));
        Assert.Equal("2000", e.GetHeader("DTMF-Duration"));
        Assert.Equal("RTP", e.GetHeader("DTMF-Source"));
        Assert.DoesNotContain(e.Headers, x => x.Key.StartsWith("variable_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Media_commands_print_freeswitch_outputs()
    {
        using var h = new EngineHarness();
        var api = new ApiCommandRegistry(ChannelCommands.Create(h.Engine, h.Bus, NullLoggerFactory.Instance));
        var a = await h.InboundAsync();
        Task<string> Api(string cmd, string args) => api.ExecuteAsync(cmd, args, CancellationToken.None).AsTask();

        Assert.Equal($"+OK {a} sent DTMF 123#.\n", await Api("uuid_send_dtmf", $"{a} 123#"));
        Assert.Contains("dtmf:123#", h.Inbound[a].Actions);
        Assert.Equal("-ERR Cannot locate session!\n", await Api("uuid_send_dtmf", "nope 1"));
        Assert.Equal("-USAGE: <uuid> <dtmf_data>\n", await Api("uuid_send_dtmf", a));
        Assert.Equal("+OK\n", await Api("uuid_break", a));
        Assert.Equal("-ERR No such channel!\n", await Api("uuid_break", "nope"));
        Assert.Equal("-ERR invalid uuid\n", await Api("uuid_broadcast", "nope /x.wav"));
        Assert.Equal("+OK Message sent\n", await Api("uuid_broadcast", $"{a} /x.wav aleg"));
        await h.Events.WaitAsync(e => e.Name == "CHANNEL_EXECUTE" && e.GetHeader("Application") == "playback");
    }

    [Fact]
    public async Task Uuid_record_starts_stops_and_limits_recordings_with_events()
    {
        using var h = new EngineHarness();
        var api = new ApiCommandRegistry(ChannelCommands.Create(h.Engine, h.Bus, NullLoggerFactory.Instance));
        var a = await h.InboundAsync();
        Task<string> Api(string args) => api.ExecuteAsync("uuid_record", args, CancellationToken.None).AsTask();

        Assert.Equal("+OK Success\n", await Api($"{a} start /tmp/a.wav"));
        Assert.Equal("/tmp/a.wav", h.Inbound[a].Recording);
        var start = await h.Events.WaitAsync("RECORD_START", a);
        Assert.Equal("/tmp/a.wav", start.GetHeader("Record-File-Path"));
        Assert.Equal("+OK Success\n", await Api($"{a} stop /tmp/a.wav"));
        Assert.Null(h.Inbound[a].Recording);
        Assert.Equal("/tmp/a.wav", (await h.Events.WaitAsync("RECORD_STOP", a)).GetHeader("Record-File-Path"));

        Assert.Equal("+OK Success\n", await Api($"{a} start /tmp/b.wav 5"));
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        var limited = await h.Events.WaitAsync(e => e.Name == "RECORD_STOP" && e.GetHeader("Record-File-Path") == "/tmp/b.wav");
        Assert.Equal("success-maxtime", limited.GetHeader("Record-Completion-Cause"));

        Assert.Equal("-ERR Cannot locate session!\n", await Api("nope start /tmp/c.wav"));
        Assert.Equal("-USAGE: <uuid> [start|stop] <path> [<limit>]\n", await Api($"{a} mask /tmp/c.wav"));
        h.Inbound[a].HasMedia = false;
        Assert.Equal("-ERR Cannot record session!\n", await Api($"{a} start /tmp/d.wav"));
    }

    [Fact]
    public async Task Media_statistics_become_variables_on_hangup_complete_only()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        h.Inbound[a].MediaStatistics = [new("rtp_audio_in_packet_count", "123"), new("rtp_audio_out_packet_count", "77")];

        await h.Engine.HangupAsync(a, HangupCause.NormalClearing);

        var complete = await h.Events.WaitAsync("CHANNEL_HANGUP_COMPLETE", a);
        Assert.Equal("123", complete.GetHeader("variable_rtp_audio_in_packet_count"));
        Assert.Equal("77", complete.GetHeader("variable_rtp_audio_out_packet_count"));
        Assert.Null(h.Events.All.Single(e => e.Name == "CHANNEL_HANGUP").GetHeader("variable_rtp_audio_in_packet_count"));
        Assert.Null(h.Inbound[a].MediaStatistics);
    }

    [Fact]
    public async Task Record_session_application_records_until_hangup()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        await h.Engine.ExecuteApplicationAsync(a, "record_session", "/tmp/s.wav", null);
        Assert.Equal("/tmp/s.wav", h.Inbound[a].Recording);
        await h.Engine.HangupAsync(a, HangupCause.NormalClearing);
        await h.Events.WaitAsync("RECORD_STOP", a);
        Assert.Null(h.Inbound[a].Recording);
        var trace = h.Events.Trace(a).ToList();
        Assert.True(trace.IndexOf("RECORD_STOP") < trace.IndexOf("HANGUP_COMPLETE"));
    }
}
