using System.Globalization;

namespace Switch.EventSocket;

internal sealed partial class EslConnection
{
    private async ValueTask ConnectAsync()
    {
        var uuid = _boundUuid!;
        var data = await _ctx.Executor.GetChannelDataAsync(uuid, _closing.Token).ConfigureAwait(false)
            ?? EslEvent.Create(null, (EslHeaderNames.EventName, "CHANNEL_DATA"), (EslHeaderNames.UniqueId, uuid));
        _connected = true;
        await EnqueueReplyAsync(Render(w => EslFrameWriter.WriteConnectReply(w, data, asyncMode: true, fullControl: true))).ConfigureAwait(false);
        Connected.TrySetResult();
    }

    private async ValueTask<string> GetVarAsync(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return "-ERR command not found";
        }

        var data = await _ctx.Executor.GetChannelDataAsync(_boundUuid!, _closing.Token).ConfigureAwait(false);
        var value = data?.GetHeader("variable_" + line[(space + 1)..]);
        return string.IsNullOrEmpty(value) ? "-ERR command not found" : value;
    }

    private async ValueTask<string> MyEventsAsync(string line)
    {
        if (_subscription.MyEventsUuid is not null)
        {
            return "-ERR aready enabled.";
        }

        var uuid = _boundUuid;
        if (uuid is null)
        {
            var rest = line.Length > 9 ? line[9..] : string.Empty;
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            var candidate = space >= 0 ? rest[..space] : rest;
            if (candidate.Length == 0 || await _ctx.Executor.GetChannelDataAsync(candidate, _closing.Token).ConfigureAwait(false) is null)
            {
                return "-ERR invalid uuid";
            }

            uuid = candidate;
            _boundUuid = uuid;
        }

        var format = _subscription.Format;
        if (line.Contains("xml", StringComparison.Ordinal) || line.Contains("XML", StringComparison.Ordinal))
        {
            format = EslEventFormat.Xml;
        }

        if (line.Contains("json", StringComparison.Ordinal) || line.Contains("JSON", StringComparison.Ordinal))
        {
            format = EslEventFormat.Json;
        }

        SetSubscription(_subscription.WithMyEvents(uuid, format));
        return "+OK Events Enabled";
    }

    private string DivertEvents(string rest)
    {
        if (_boundUuid is null)
        {
            return "-ERR not controlling a session.";
        }

        var value = rest.TrimStart(' ');
        if (value.Length == 0)
        {
            return "-ERR missing value.";
        }

        return value.Equals("on", StringComparison.OrdinalIgnoreCase) ? "+OK events diverted" : "+OK events not diverted";
    }

    private async ValueTask<string> SendMsgAsync(EslCommand command)
    {
        string? uuid = command.Line[7..].TrimStart(' ');
        if (uuid.Length == 0)
        {
            uuid = command.GetHeader("session-id");
        }

        if (string.IsNullOrEmpty(uuid))
        {
            uuid = _boundUuid;
        }

        if (string.IsNullOrEmpty(uuid))
        {
            return "-ERR invalid session id []";
        }

        var result = await _ctx.Executor.SendMsgAsync(uuid, command.Headers, command.Body, _closing.Token).ConfigureAwait(false);
        return string.IsNullOrEmpty(result.ReplyText) ? "-ERR command failed" : result.ReplyText;
    }

    /// <summary>The reply is queued before the event is published, so it precedes the event on this connection.</summary>
    private async ValueTask SendEventAsync(EslCommand command)
    {
        var name = command.Line[9..].TrimStart(' ', '\t');
        var index = EslEventNames.IndexOf(name);
        var eventName = index >= 0 && index != EslEventNames.AllIndex ? EslEventNames.All[index] : "COMMAND";
        var eventUuid = Guid.NewGuid().ToString();
        var headers = new List<KeyValuePair<string, string>>(command.Headers.Count + 1);
        foreach (var header in command.Headers)
        {
            if (!header.Key.Equals(EslHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
                && !header.Key.Equals(EslHeaderNames.EventName, StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(header);
            }
        }

        headers.Add(new(EslHeaderNames.EventUuid, eventUuid));
        await ReplyAsync("+OK " + eventUuid).ConfigureAwait(false);
        _ctx.Executor.PublishEvent(eventName, headers, command.Body);
    }

    private static (string Command, string? Arguments) SplitApi(string text)
    {
        text = text.TrimStart(' ');
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (text, null) : (text[..space], text[(space + 1)..]);
    }

    private async ValueTask ApiAsync(string text)
    {
        var (command, arguments) = SplitApi(text);
        string output;
        try
        {
            output = await _ctx.Executor.ExecuteApiAsync(command, arguments, _closing.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EslServerLog.CommandFailed(_ctx.Logger, ex, Id, "api " + command);
            output = "-ERR command failed\n";
        }

        if (string.IsNullOrEmpty(output))
        {
            output = "-ERR no reply\n";
        }

        await EnqueueReplyAsync(Render(w => EslFrameWriter.WriteApiResponse(w, output))).ConfigureAwait(false);
    }

    private async ValueTask BgApiAsync(EslCommand command)
    {
        var (name, arguments) = SplitApi(command.Line[6..]);
        var jobUuid = command.GetHeader(EslHeaderNames.JobUuid);
        if (string.IsNullOrEmpty(jobUuid))
        {
            jobUuid = Guid.NewGuid().ToString();
        }

        // The reply is queued before the job starts, so it is always on the wire before BACKGROUND_JOB.
        await EnqueueReplyAsync(Render(w => EslFrameWriter.WriteBgApiReply(w, jobUuid))).ConfigureAwait(false);
        var owner = _boundUuid;
        _ctx.JobStarted();
        _ = Task.Run(() => RunJobAsync(_ctx, jobUuid, owner, name, arguments));
    }

    private static async Task RunJobAsync(EslServerContext ctx, string jobUuid, string? owner, string command, string? arguments)
    {
        try
        {
            string output;
            try
            {
                output = await ctx.Executor.ExecuteApiAsync(command, arguments, ctx.Stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ctx.Stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                EslServerLog.JobFailed(ctx.Logger, ex, jobUuid, command);
                output = "-ERR command failed\n";
            }

            var headers = new List<KeyValuePair<string, string>>(4) { new(EslHeaderNames.JobUuid, jobUuid) };
            if (owner is not null)
            {
                headers.Add(new(EslHeaderNames.JobOwnerUuid, owner));
            }

            headers.Add(new(EslHeaderNames.JobCommand, command));
            if (!string.IsNullOrEmpty(arguments))
            {
                headers.Add(new(EslHeaderNames.JobCommandArg, arguments));
            }

            ctx.Executor.PublishEvent("BACKGROUND_JOB", headers, output ?? string.Empty);
        }
        catch (Exception ex)
        {
            EslServerLog.JobFailed(ctx.Logger, ex, jobUuid, command);
        }
        finally
        {
            ctx.JobFinished();
        }
    }

    private string Log(string line)
    {
        // FS: skip "log" and one more character, then read the level; nothing left means debug.
        var level = line.Length > 4 ? line[4..] : string.Empty;
        var value = 7;
        if (level.Length > 0 && !TryParseLogLevel(level, out value))
        {
            return "-ERR invalid log level";
        }

        _logLevel = value;
        return $"+OK log level {level} [{value.ToString(CultureInfo.InvariantCulture)}]";
    }

    private static readonly string[] s_logLevels = ["console", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    private static bool TryParseLogLevel(string text, out int level)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out level))
        {
            return level is >= 0 and <= 7;
        }

        level = Array.FindIndex(s_logLevels, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        return level >= 0;
    }

    private string NoLog()
    {
        if (_logLevel < 0)
        {
            return "-ERR not loging";
        }

        _logLevel = -1;
        return "+OK no longer logging";
    }

    private string Linger(string line)
    {
        if (_boundUuid is null)
        {
            return "-ERR not controlling a session";
        }

        if (line.Length > 7 && line[6] == ' ')
        {
            var seconds = (int)Math.Clamp(EslBlockScanner.ParseAtoi(System.Text.Encoding.ASCII.GetBytes(line[7..]), out _), int.MinValue + 1, int.MaxValue);
            _lingerSeconds = seconds;
            return $"+OK will linger {seconds.ToString(CultureInfo.InvariantCulture)} seconds";
        }

        _lingerSeconds = -1;
        return "+OK will linger";
    }

    private string NoLingerReply()
    {
        _lingerSeconds = NoLinger;
        return "+OK will not linger";
    }
}
