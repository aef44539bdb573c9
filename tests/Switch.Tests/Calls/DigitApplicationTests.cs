using Switch.Calls;
using Switch.Events;
using Switch.Tests.Calls.Fakes;

namespace Switch.Tests.Calls;

public sealed class DigitApplicationTests
{
    private static Task<SwitchEvent> PlaybackStartAsync(EngineHarness h, string file, int nth = 1)
    {
        bool Match(SwitchEvent e) => e.Name == "PLAYBACK_START" && e.GetHeader("Playback-File-Path") == file;
        return h.Events.WaitAsync(e => Match(e) && ReferenceEquals(h.Events.All.Where(Match).ElementAtOrDefault(nth - 1), e));
    }

    private static SwitchEvent Complete(EngineHarness h) =>
        h.Events.All.Single(e => e.Name == "CHANNEL_EXECUTE_COMPLETE" && e.GetHeader("Application") == "play_and_get_digits");

    private static void Dtmf(EngineHarness h, string uuid, string digits)
    {
        foreach (var d in digits)
        {
            h.Engine.LegEvents.Dtmf(uuid, d, 800, "RTP");
        }
    }

    [Fact]
    public async Task Digits_cut_the_prompt_and_max_digits_ends_collection()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        var run = h.Engine.ExecuteApplicationAsync(a, "play_and_get_digits", @"2 4 3 5000 # /p.wav /bad.wav choice \d+", null).AsTask();
        await PlaybackStartAsync(h, "/p.wav");

        Dtmf(h, a, "1234");

        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("1234", result.Response);
        Assert.Contains("stop_playback", h.Inbound[a].Actions);
        var complete = Complete(h);
        Assert.Equal("1234", complete.GetHeader("Application-Response"));
        Assert.Equal("1234", complete.GetHeader("variable_choice"));
        Assert.Equal(4, h.Events.All.Count(e => e.Name == "DTMF"));
    }

    [Fact]
    public async Task Timeout_and_invalid_input_retry_with_the_invalid_prompt_then_terminator_accepts()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        var run = h.Engine.ExecuteApplicationAsync(a, "play_and_get_digits", @"2 5 3 3000 # /p.wav /bad.wav choice ^1\d$", null).AsTask();
        await PlaybackStartAsync(h, "/p.wav");
        h.Inbound[a].CompletePlayback();
        await h.Events.WaitAsync(e => e.Name == "PLAYBACK_STOP");

        h.Clock.Advance(TimeSpan.FromMilliseconds(2999));
        Assert.False(run.IsCompleted);
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await PlaybackStartAsync(h, "/bad.wav");
        h.Inbound[a].CompletePlayback();

        await PlaybackStartAsync(h, "/p.wav", 2);
        Dtmf(h, a, "55#");
        await PlaybackStartAsync(h, "/bad.wav", 2);
        h.Inbound[a].CompletePlayback();

        await PlaybackStartAsync(h, "/p.wav", 3);
        Dtmf(h, a, "12#");

        Assert.Equal("12", (await run.WaitAsync(TimeSpan.FromSeconds(10))).Response);
        var complete = Complete(h);
        Assert.Equal("12", complete.GetHeader("variable_choice"));
        Assert.Equal("55", complete.GetHeader("variable_choice_invalid"));
        Assert.Equal("#", complete.GetHeader("variable_read_terminator_used"));
    }

    [Fact]
    public async Task Exhausted_tries_fail_with_an_empty_response_and_the_invalid_digits()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        var run = h.Engine.ExecuteApplicationAsync(a, "play_and_get_digits", "3 3 1 2000 none /p.wav /bad.wav pin", null).AsTask();
        await PlaybackStartAsync(h, "/p.wav");
        Dtmf(h, a, "7");
        await h.Events.WaitAsync(e => e.Name == "PLAYBACK_STOP" && e.GetHeader("Playback-Status") == "break");

        h.Clock.Advance(TimeSpan.FromMilliseconds(2000));
        await PlaybackStartAsync(h, "/bad.wav");
        h.Inbound[a].CompletePlayback();

        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(string.IsNullOrEmpty(result.Response));
        var complete = Complete(h);
        Assert.Equal("_none_", complete.GetHeader("Application-Response"));
        Assert.Null(complete.GetHeader("variable_pin"));
        Assert.Equal("7", complete.GetHeader("variable_pin_invalid"));
    }

    [Fact]
    public async Task Inter_digit_timeout_runs_on_the_call_clock()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        var run = h.Engine.ExecuteApplicationAsync(a, "play_and_get_digits", @"1 4 1 9000 # /p.wav /bad.wav ext \d+ 1500", null).AsTask();
        await PlaybackStartAsync(h, "/p.wav");
        Dtmf(h, a, "42");
        await h.Events.WaitAsync(e => e.Name == "DTMF" && e.GetHeader("DTMF-Digit") == "2");
        await h.Events.WaitAsync(e => e.Name == "PLAYBACK_STOP");

        h.Clock.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal("42", (await run.WaitAsync(TimeSpan.FromSeconds(10))).Response);
    }

    [Fact]
    public async Task Hangup_during_collection_completes_it_and_bad_arguments_finish_at_once()
    {
        using var h = new EngineHarness();
        var a = await h.InboundAsync();
        var run = h.Engine.ExecuteApplicationAsync(a, "play_and_get_digits", "1 1 1 5000 # /p.wav", null).AsTask();
        await PlaybackStartAsync(h, "/p.wav");
        await h.Engine.HangupAsync(a, HangupCause.NormalClearing);
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("stop_playback", h.Inbound[a].Actions);

        var b = await h.InboundAsync();
        var bad = await h.Engine.ExecuteApplicationAsync(b, "play_and_get_digits", "x 1 1", null).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(bad.Ran);
        Assert.DoesNotContain(h.Inbound[b].Actions, x => x.StartsWith("play:", StringComparison.Ordinal));
    }
}
