using Switch.Media;

namespace Switch.Calls;

/// <summary>
/// play_and_get_digits: plays the prompt while collecting the leg's DTMF (a key press cuts the prompt), ends a
/// try on max digits, a terminator or a timeout (first-digit timeout from the end of the prompt, then the
/// inter-digit timeout), validates against the regexp and retries after the invalid prompt. Sets
/// <c>&lt;var_name&gt;</c> to the accepted digits, <c>&lt;var_name&gt;_invalid</c> to rejected ones; the
/// Application-Response is the digits (empty on failure).
/// </summary>
internal sealed partial class Call
{
    private async ValueTask StartPlayAndGetDigitsAsync(Channel leg, ApplicationRun run)
    {
        var read = DigitRead.TryParse(run);
        if (read is null)
        {
            FinishApplication(leg, run, null);
            return;
        }
        if (!leg.IsAnswered && !leg.HasEarlyMedia && leg.Direction == CallDirection.Inbound)
        {
            await PreAnswerAsync(leg).ConfigureAwait(false);
        }
        leg.DigitRead = read;
        leg.Variables.Set(read.Variable, null);
        leg.Variables.Set(read.Variable + "_invalid", null);
        StartDigitTry(leg, read);
    }

    private void StartDigitTry(Channel leg, DigitRead read)
    {
        var collector = new DigitCollector(read.Options, Time);
        read.Collector = collector;
        var uuid = leg.Uuid;
        var engine = _engine;
        _ = collector.Completion.ContinueWith(t => engine.PostToLeg(uuid, (call, l) => call.OnDigitsCollected(l, read, collector, t.Result)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
        var prompt = read.Prompt;
        read.Playing = leg.Signaling.TryStartPlayback(prompt, (_, stopped) =>
            engine.PostToLeg(uuid, (call, l) => call.OnDigitPromptDone(l, read, collector, prompt, stopped)));
        if (read.Playing)
        {
            PublishPlayback(leg, "PLAYBACK_START", prompt, null);
        }
        else
        {
            collector.StartTimer();
        }
    }

    private ValueTask OnDigitPromptDone(Channel leg, DigitRead read, DigitCollector collector, string prompt, bool stopped)
    {
        if (ReferenceEquals(read.Collector, collector))
        {
            read.Playing = false;
            collector.StartTimer();
        }
        PublishPlayback(leg, "PLAYBACK_STOP", prompt, stopped);
        return ValueTask.CompletedTask;
    }

    /// <summary>Feeds a received digit to a running play_and_get_digits; the first one cuts the prompt.</summary>
    private void FeedDigitRead(Channel leg, char digit)
    {
        if (leg.DigitRead is not { Collector: { } collector } read || !collector.Add(digit))
        {
            return;
        }
        if (read.Playing)
        {
            read.Playing = false;
            leg.Signaling.StopPlayback();
        }
    }

    private ValueTask OnDigitsCollected(Channel leg, DigitRead read, DigitCollector collector, DigitCollectionResult result)
    {
        if (!ReferenceEquals(leg.DigitRead, read) || !ReferenceEquals(read.Collector, collector) || read.Run.Finished)
        {
            return ValueTask.CompletedTask;
        }
        read.Collector = null;
        collector.Dispose();
        if (result.Terminator is { } terminator)
        {
            leg.Variables.Set("read_terminator_used", terminator.ToString());
        }
        var accepted = result.IsValid || (read.Options.MinDigits == 0 && result.Digits.Length == 0 && result.Status != DigitCollectionStatus.Cancelled);
        if (accepted)
        {
            leg.Variables.Set(read.Variable, result.Digits);
            leg.Variables.Set("read_result", "success");
            EndDigitRead(leg, read, result.Digits);
            return ValueTask.CompletedTask;
        }
        if (result.Digits.Length > 0)
        {
            leg.Variables.Set(read.Variable + "_invalid", result.Digits);
        }
        leg.Variables.Set("read_result", result.Status == DigitCollectionStatus.Timeout ? "timeout" : "failure");
        read.TriesLeft--;
        var uuid = leg.Uuid;
        var engine = _engine;
        if (read.InvalidPrompt is { } invalid
            && (read.Playing = leg.Signaling.TryStartPlayback(invalid, (_, stopped) =>
                engine.PostToLeg(uuid, (call, l) =>
                {
                    call.PublishPlayback(l, "PLAYBACK_STOP", invalid, stopped);
                    return call.OnInvalidPromptDone(l, read);
                }))))
        {
            PublishPlayback(leg, "PLAYBACK_START", invalid, null);
            return ValueTask.CompletedTask;
        }
        return OnInvalidPromptDone(leg, read);
    }

    private ValueTask OnInvalidPromptDone(Channel leg, DigitRead read)
    {
        if (!ReferenceEquals(leg.DigitRead, read) || read.Run.Finished)
        {
            return ValueTask.CompletedTask;
        }
        read.Playing = false;
        if (read.TriesLeft > 0 && !leg.IsHungUp)
        {
            StartDigitTry(leg, read);
        }
        else
        {
            EndDigitRead(leg, read, string.Empty);
        }
        return ValueTask.CompletedTask;
    }

    private void EndDigitRead(Channel leg, DigitRead read, string response)
    {
        leg.DigitRead = null;
        FinishApplication(leg, read.Run, response);
    }

    /// <summary>Hangup: stops the prompt and the collector of a running play_and_get_digits.</summary>
    private void CancelDigitRead(Channel leg)
    {
        if (leg.DigitRead is not { } read)
        {
            return;
        }
        leg.DigitRead = null;
        if (read.Playing)
        {
            leg.Signaling.StopPlayback();
        }
        read.Collector?.Dispose();
        read.Collector = null;
    }
}
