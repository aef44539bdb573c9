using System.Collections.Concurrent;
using Switch.Calls;

namespace Switch.Tests.Calls.Fakes;

/// <summary>A leg's protocol side that records what the call asked of it.</summary>
internal sealed class FakeSignaling(string name) : ILegSignaling
{
    private readonly ConcurrentQueue<string> _actions = new();

    public string Name { get; } = name;
    public bool AnswerResult { get; set; } = true;
    public bool PreAnswerResult { get; set; } = true;
    public ILegSignaling? BridgedTo { get; private set; }

    /// <summary>What was asked, in order: "invite", "ring", "pre_answer", "answer", "hangup:CAUSE", "bridge", "unbridge".</summary>
    public IReadOnlyList<string> Actions => _actions.ToArray();

    public IReadOnlyList<KeyValuePair<string, string>>? PendingVariables { get; set; }

    public HangupCause? FarEndCause { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>>? TakeVariables()
    {
        var pending = PendingVariables;
        PendingVariables = null;
        return pending;
    }

    /// <summary>What <see cref="TakeMediaStatistics"/> hands the call at hangup.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? MediaStatistics { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>>? TakeMediaStatistics()
    {
        var taken = MediaStatistics;
        MediaStatistics = null;
        return taken;
    }

    /// <summary>The playback in progress: the test completes it with <see cref="CompletePlayback"/>.</summary>
    public (string Source, Action<string, bool> Done)? Playing { get; private set; }

    public bool HasMedia { get; set; } = true;

    public bool TryStartPlayback(string source, Action<string, bool> onCompleted, int loops = 1)
    {
        if (!HasMedia)
        {
            return false;
        }
        _actions.Enqueue(loops == 1 ? "play:" + source : $"play:{source}x{loops}");
        Playing = (source, onCompleted);
        return true;
    }

    public void CompletePlayback(string response = "FILE PLAYED", bool stopped = false)
    {
        var playing = Playing;
        Playing = null;
        playing?.Done(response, stopped);
    }

    public void StopPlayback()
    {
        if (Playing is not null)
        {
            _actions.Enqueue("stop_playback");
            CompletePlayback("FILE PLAYED", stopped: true);
        }
    }

    public bool Echoing { get; private set; }

    public bool TryStartEcho()
    {
        if (!HasMedia)
        {
            return false;
        }
        _actions.Enqueue("echo");
        Echoing = true;
        return true;
    }

    public void StopEcho()
    {
        if (Echoing)
        {
            _actions.Enqueue("stop_echo");
            Echoing = false;
        }
    }

    public string? Recording { get; private set; }

    public bool TryStartRecording(string path, out string? error)
    {
        error = HasMedia ? null : "no media";
        if (!HasMedia)
        {
            return false;
        }
        _actions.Enqueue("record:" + path);
        Recording = path;
        return true;
    }

    public bool StopRecording()
    {
        if (Recording is null)
        {
            return false;
        }
        _actions.Enqueue("stop_record");
        Recording = null;
        return true;
    }

    public bool SendDtmf(string digits)
    {
        _actions.Enqueue("dtmf:" + digits);
        return HasMedia;
    }

    public ValueTask InviteAsync(CancellationToken cancellationToken)
    {
        _actions.Enqueue("invite");
        return ValueTask.CompletedTask;
    }

    public ValueTask RingAsync(CancellationToken cancellationToken)
    {
        _actions.Enqueue("ring");
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> PreAnswerAsync(ILegSignaling? peer, CancellationToken cancellationToken)
    {
        _actions.Enqueue("pre_answer");
        return ValueTask.FromResult(PreAnswerResult);
    }

    public ValueTask<bool> AnswerAsync(ILegSignaling? peer, CancellationToken cancellationToken)
    {
        _actions.Enqueue("answer");
        return ValueTask.FromResult(AnswerResult);
    }

    public ValueTask HangupAsync(HangupCause cause, CancellationToken cancellationToken)
    {
        _actions.Enqueue("hangup:" + HangupCauses.ToName(cause));
        return ValueTask.CompletedTask;
    }

    public ValueTask BridgeAsync(ILegSignaling peer, CancellationToken cancellationToken)
    {
        BridgedTo = peer;
        _actions.Enqueue("bridge");
        return ValueTask.CompletedTask;
    }

    public ValueTask UnbridgeAsync(CancellationToken cancellationToken)
    {
        BridgedTo = null;
        _actions.Enqueue("unbridge");
        return ValueTask.CompletedTask;
    }

    public override string ToString() => Name;
}
