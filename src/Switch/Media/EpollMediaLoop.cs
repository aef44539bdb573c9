using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Switch.Media;

/// <summary>
/// One dedicated media thread (Linux) owning an epoll set of many legs' non-blocking sockets. Level-triggered:
/// each ready socket gets one synchronous receive per wake-up and the packet is handled inline (parse, latch,
/// count, relay with a synchronous send), so there is no thread hop, continuation or allocation per datagram;
/// a socket with more queued is reported again by the next <c>epoll_wait</c>. A leg's receive side is only ever
/// touched by its loop's thread. <see cref="RemoveAsync"/> completes once the thread can no longer be inside
/// that leg, so a leg may close its socket and free its state after awaiting it: at once when the thread is
/// waiting between passes (the usual case: no wake-up), else after a pass that began later. The same thread paces the
/// 20 ms media clock of its legs (playback, DTMF, recording): <c>epoll_wait</c> times out at the next tick, so
/// generated audio and relayed packets leave from one thread and never contend.
/// </summary>
internal sealed partial class EpollMediaLoop : IAsyncDisposable
{
    private const int MaxEvents = 256;
    private const ulong WakeToken = ulong.MaxValue;
    private const int ReceiveBufferLength = 2048;

    private readonly int _epoll;
    private readonly int _wake;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly MediaThreadPriority? _priority;
    private readonly Thread _thread;
    private readonly Lock _lock = new();
    private readonly Stack<int> _freeSlots = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MediaLeg?[] _slots = new MediaLeg?[64];
    private List<TaskCompletionSource> _barriers = [];
    private int _pendingBarriers;
    /// <summary>Passes begun and ended, counted at both ends: odd while the thread is in a pass, even while it waits.</summary>
    private int _passes;
    private int _nextSlot;
    private uint _generation;
    private int _legCount;
    private long _datagrams;
    private long _allocatedBytes;
    private volatile bool _stopping;
    private bool _exited;
    private bool _realtime;
    private IMediaThreadProbe? _probe;
    private int _disposed;

    private EpollMediaLoop(int epoll, int wake, string name, TimeProvider time, MediaThreadPriority? priority, ILogger logger)
    {
        _epoll = epoll;
        _wake = wake;
        _logger = logger;
        _time = time;
        _priority = priority;
        _frameTicks = (long)(MediaClock.FrameDuration.TotalSeconds * time.TimestampFrequency);
        Name = name;
        _thread = new Thread(static state => ((EpollMediaLoop)state!).Run())
        {
            IsBackground = true,
            Name = name,
        };
    }

    /// <summary>The thread's name (e.g. <c>media-0</c>).</summary>
    public string Name { get; }

    /// <summary>False once the thread has exited (disposed, or failed).</summary>
    public bool IsRunning => !_stopped.Task.IsCompleted;

    /// <summary>Legs registered now.</summary>
    public int LegCount => Volatile.Read(ref _legCount);

    /// <summary>Datagrams read since start (all legs).</summary>
    public long Datagrams => Volatile.Read(ref _datagrams);

    /// <summary>Bytes the media thread had allocated when it read its last datagram (the packet path allocates none).</summary>
    public long AllocatedBytes => Volatile.Read(ref _allocatedBytes);

    /// <summary>True once the thread runs under SCHED_FIFO (<see cref="MediaOptions.RealtimePriority"/>).</summary>
    public bool IsRealtime => Volatile.Read(ref _realtime);

    /// <summary>Sees every datagram this thread handled (measurement only; null in production).</summary>
    public IMediaThreadProbe? Probe
    {
        get => Volatile.Read(ref _probe);
        set => Volatile.Write(ref _probe, value);
    }

    /// <summary>
    /// Creates and starts a loop; false (with a logged reason) when epoll is not available. <paramref name="time"/>
    /// paces the media clock; <paramref name="priority"/>, when given, is applied on the thread as it starts.
    /// </summary>
    public static bool TryStart(string name, TimeProvider time, MediaThreadPriority? priority, ILogger logger,
        [NotNullWhen(true)] out EpollMediaLoop? loop)
    {
        loop = null;
        if (!Epoll.IsSupported)
        {
            return false;
        }

        int epoll;
        try
        {
            epoll = Epoll.Create();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            MediaLog.EpollUnavailable(logger, e.Message);
            return false;
        }

        if (epoll < 0)
        {
            MediaLog.EpollUnavailable(logger, "epoll_create1 errno " + Marshal.GetLastPInvokeError());
            return false;
        }

        var wake = Epoll.CreateEventFd();
        if (wake < 0 || Epoll.Control(epoll, Epoll.Add, wake, Epoll.In, WakeToken) != 0)
        {
            MediaLog.EpollUnavailable(logger, "eventfd errno " + Marshal.GetLastPInvokeError());
            Epoll.Close(wake);
            Epoll.Close(epoll);
            return false;
        }

        loop = new EpollMediaLoop(epoll, wake, name, time, priority, logger);
        loop._thread.Start(loop);
        return true;
    }

    /// <summary>
    /// Registers a leg's socket (made non-blocking) with this loop; from now on its datagrams are handled on this
    /// loop's thread. False when the kernel refused (the caller falls back to an async receive loop).
    /// </summary>
    public bool TryAdd(MediaLeg leg, Socket socket)
    {
        ulong token;
        lock (_lock)
        {
            if (_stopping)
            {
                return false;
            }

            var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _nextSlot++;
            if (slot >= _slots.Length)
            {
                var grown = new MediaLeg?[_slots.Length * 2];
                _slots.AsSpan().CopyTo(grown);
                Volatile.Write(ref _slots, grown);
            }

            token = ((ulong)++_generation << 32) | (uint)slot;
            leg.PollToken = token;
            _slots[slot] = leg;
        }

        socket.Blocking = false;
        if (Epoll.Control(_epoll, Epoll.Add, (int)socket.Handle, Epoll.In, token) == 0)
        {
            Interlocked.Increment(ref _legCount);
            return true;
        }

        MediaLog.EpollAddFailed(_logger, leg.Name, Marshal.GetLastPInvokeError());
        socket.Blocking = true;
        Release(leg, token);
        return false;
    }

    /// <summary>
    /// Unregisters a leg; the task completes when this loop's thread has finished any datagram of that leg it was
    /// handling (call before closing the socket).
    /// </summary>
    public Task RemoveAsync(MediaLeg leg, Socket socket)
    {
        try
        {
            _ = Epoll.Control(_epoll, Epoll.Delete, (int)socket.Handle, 0, 0);
        }
        catch (ObjectDisposedException)
        {
            // Closed already: the kernel dropped it from the set.
        }

        if (!Release(leg, leg.PollToken))
        {
            return Task.CompletedTask;
        }

        // A full fence: the slot (and the leg's bridge, disconnected before) are cleared before the pass count is read.
        Interlocked.Decrement(ref _legCount);
        if (!leg.HandedToLoopClock && (Volatile.Read(ref _passes) & 1) == 0)
        {
            // The thread waits in epoll_wait, outside every leg, and its next pass reads the cleared slot after a
            // full fence of its own: no pass can touch this leg, so no wake-up and no barrier are needed. A leg
            // ever put on the clock may still be in the thread's own clock list, so it always takes the barrier.
            return Task.CompletedTask;
        }

        return SyncAsync();
    }

    /// <summary>Passes begun plus passes ended (odd while the thread is in one; diagnostics and tests).</summary>
    internal int PassCount => Volatile.Read(ref _passes);

    /// <summary>
    /// Completes when this loop's thread has finished a pass (datagrams, then the media clock) that began after
    /// the call: it is then no longer inside anything it was in before, and its clock has seen the time of now.
    /// </summary>
    public Task SyncAsync()
    {
        var barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_exited)
            {
                return Task.CompletedTask;
            }

            _barriers.Add(barrier);
            Volatile.Write(ref _pendingBarriers, 1);
        }

        Epoll.Signal(_wake);
        return barrier.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        lock (_lock)
        {
            _stopping = true;
        }

        Epoll.Signal(_wake);
        await _stopped.Task.ConfigureAwait(false);
        Epoll.Close(_wake);
        Epoll.Close(_epoll);
    }

    private bool Release(MediaLeg leg, ulong token)
    {
        var slot = (int)(uint)token;
        lock (_lock)
        {
            if (slot >= _slots.Length || !ReferenceEquals(_slots[slot], leg) || leg.PollToken != token)
            {
                return false;
            }

            _slots[slot] = null;
            _freeSlots.Push(slot);
            return true;
        }
    }
}
