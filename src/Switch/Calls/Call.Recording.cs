using System.Globalization;

namespace Switch.Calls;

/// <summary>Session recording (record_session, uuid_record): RECORD_START / RECORD_STOP, an optional time limit, stop at hangup.</summary>
internal sealed partial class Call
{
    /// <summary>Starts recording the leg to <paramref name="path"/>; a positive <paramref name="limit"/> stops it after that long.</summary>
    internal bool StartRecording(Channel leg, string path, TimeSpan limit, out string? error)
    {
        error = null;
        if (leg.IsHungUp)
        {
            error = "channel is hanging up";
            return false;
        }
        if (leg.RecordingPath is not null)
        {
            StopRecording(leg, "break");
        }
        if (!leg.Signaling.TryStartRecording(path, out error))
        {
            return false;
        }
        leg.RecordingPath = path;
        leg.Variables.Set("record_file_path", path);
        if (Events.Wants("RECORD_START"))
        {
            var start = ChannelEvents.Create("RECORD_START", leg);
            start.Add("Record-File-Path", path);
            Publish(start);
        }
        if (limit > TimeSpan.Zero)
        {
            leg.RecordingTimer = StartLegTimer(limit, leg.Uuid, static (call, l, timer) =>
            {
                if (ReferenceEquals(l.RecordingTimer, timer))
                {
                    call.StopRecording(l, "timeout");
                }
                return ValueTask.CompletedTask;
            });
        }
        return true;
    }

    /// <summary>Stops the leg's recording (if any) and fires RECORD_STOP. False when nothing was recording.</summary>
    internal bool StopRecording(Channel leg, string reason = "done")
    {
        if (leg.RecordingPath is not { } path)
        {
            return false;
        }
        leg.RecordingPath = null;
        leg.RecordingTimer?.Dispose();
        leg.RecordingTimer = null;
        leg.Signaling.StopRecording();
        if (Events.Wants("RECORD_STOP"))
        {
            var stop = ChannelEvents.Create("RECORD_STOP", leg);
            stop.Add("Record-File-Path", path);
            stop.Add("Record-Completion-Cause", reason == "timeout" ? "success-maxtime" : "success-silence");
            Publish(stop);
        }
        return true;
    }

    /// <summary>record_session &lt;path&gt; [limit seconds]: starts a background recording; the application completes at once.</summary>
    private void StartRecordSessionApplication(Channel leg, ApplicationRun run)
    {
        var words = (run.Data ?? string.Empty).Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var limit = words.Length > 1 && int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Zero;
        var ok = words.Length > 0 && StartRecording(leg, words[0], limit, out _);
        FinishApplication(leg, run, ok ? null : "-ERR Cannot record session");
    }
}
