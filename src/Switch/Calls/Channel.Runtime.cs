namespace Switch.Calls;

/// <summary>What the owning call tracks per leg while it runs: applications, timers, originate, bridge role.</summary>
internal sealed partial class Channel
{
    /// <summary>Queues an application behind the running one (sendmsg execute runs them one at a time, in order).</summary>
    internal void QueueApplication(ApplicationRun run)
    {
        var queue = _occasional?.PendingApplications;
        if (queue is null)
        {
            queue = new Queue<ApplicationRun>(2);
            SetOccasional(true, queue, static (o, q) => o.PendingApplications = q);
        }
        queue.Enqueue(run);
    }

    /// <summary>True when applications wait behind the running one.</summary>
    internal bool HasPendingApplications => _occasional?.PendingApplications is { Count: > 0 };

    /// <summary>The next queued application; the queue is let go once empty (most channels queue one or two in all).</summary>
    internal bool TryTakePendingApplication([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ApplicationRun? run)
    {
        if (_occasional?.PendingApplications is not { } queue || !queue.TryDequeue(out run))
        {
            run = null;
            return false;
        }
        if (queue.Count == 0)
        {
            SetOccasional<Queue<ApplicationRun>?>(false, null, static (o, q) => o.PendingApplications = q);
        }
        return true;
    }

    /// <summary>The application occupying the channel (bridge, sleep, ...); park does not occupy it.</summary>
    internal ApplicationRun? RunningApplication { get; set; }

    /// <summary>The park application in effect, completed (EXECUTE_COMPLETE park) when the channel leaves park.</summary>
    internal ApplicationRun? ParkApplication { get; set; }

    internal ITimer? ParkTimer
    {
        get => _occasional?.ParkTimer;
        set => SetOccasional(value is not null, value, static (o, v) => o.ParkTimer = v);
    }

    /// <summary>The file being recorded (record_session, uuid_record), or null.</summary>
    internal string? RecordingPath
    {
        get => _occasional?.RecordingPath;
        set => SetOccasional(value is not null, value, static (o, v) => o.RecordingPath = v);
    }

    internal ITimer? RecordingTimer
    {
        get => _occasional?.RecordingTimer;
        set => SetOccasional(value is not null, value, static (o, v) => o.RecordingTimer = v);
    }

    /// <summary>The play_and_get_digits in progress, fed the leg's DTMF.</summary>
    internal DigitRead? DigitRead
    {
        get => _occasional?.DigitRead;
        set => SetOccasional(value is not null, value, static (o, v) => o.DigitRead = v);
    }

    /// <summary>leg_timeout of a ringing outbound leg.</summary>
    internal ITimer? LegTimer
    {
        get => _occasional?.LegTimer;
        set => SetOccasional(value is not null, value, static (o, v) => o.LegTimer = v);
    }

    /// <summary>The originate ringing this outbound leg, until it answers or fails.</summary>
    internal OriginateSession? DialingSession
    {
        get => _occasional?.DialingSession;
        set => SetOccasional(value is not null, value, static (o, v) => o.DialingSession = v);
    }

    /// <summary>The originate this leg runs as the caller of a bridge application.</summary>
    internal OriginateSession? OwnSession
    {
        get => _occasional?.OwnSession;
        set => SetOccasional(value is not null, value, static (o, v) => o.OwnSession = v);
    }

    /// <summary>True on the leg the bridge was requested on (Bridge-A); UNBRIDGE carries its data.</summary>
    internal bool IsBridgeOriginator { get; set; }

    /// <summary>True when the far end ended the leg, so no BYE/CANCEL is sent.</summary>
    internal bool EndedByFarEnd { get; set; }

    private volatile ChannelSnapshot? _snapshot;

    /// <summary>
    /// The channel's show-channels row as of the end of the last work item of its call: published so that
    /// show channels, counts and status can read every channel without visiting each call's mailbox.
    /// </summary>
    public ChannelSnapshot? Snapshot => _snapshot;

    internal void PublishSnapshot() => _snapshot = ChannelSnapshot.Of(this, _snapshot);

    /// <summary>Idle in park: no application running, not bridged, not dialing.</summary>
    internal bool IsIdleInPark => IsParked && RunningApplication is null && BridgedTo is null && OwnSession is null && !IsHungUp;

    private OccasionalState? _occasional;

    /// <summary>
    /// Sets a value of the state only some channels have, or have only for a while (codecs, recording, digit
    /// collection, timers, queued applications, an originate in progress): made when something is first set
    /// and let go once everything in it is unset again, so a bridged signalling-only call keeps no room for them.
    /// </summary>
    private void SetOccasional<T>(bool present, T value, Action<OccasionalState, T> set)
    {
        if (present)
        {
            set(_occasional ??= new OccasionalState(), value);
        }
        else if (_occasional is { } occasional)
        {
            set(occasional, value);
            if (occasional.IsEmpty)
            {
                _occasional = null;
            }
        }
    }

    private sealed class OccasionalState
    {
        public Queue<ApplicationRun>? PendingApplications { get; set; }
        public ITimer? ParkTimer { get; set; }
        public OriginateSession? DialingSession { get; set; }
        public OriginateSession? OwnSession { get; set; }
        public string? ReadCodecName { get; set; }
        public int ReadCodecRate { get; set; }
        public int ReadCodecBitRate { get; set; }
        public string? WriteCodecName { get; set; }
        public int WriteCodecRate { get; set; }
        public int WriteCodecBitRate { get; set; }
        public string? RecordingPath { get; set; }
        public ITimer? RecordingTimer { get; set; }
        public DigitRead? DigitRead { get; set; }
        public ITimer? LegTimer { get; set; }

        public bool IsEmpty =>
            PendingApplications is null && ParkTimer is null && DialingSession is null && OwnSession is null
            && ReadCodecName is null && ReadCodecRate == 0 && ReadCodecBitRate == 0
            && WriteCodecName is null && WriteCodecRate == 0 && WriteCodecBitRate == 0
            && RecordingPath is null && RecordingTimer is null && DigitRead is null && LegTimer is null;
    }
}
