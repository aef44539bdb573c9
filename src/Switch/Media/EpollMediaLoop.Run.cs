using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Switch.Media;

internal sealed partial class EpollMediaLoop
{
    private void Run()
    {
        if (_priority is not null)
        {
            Volatile.Write(ref _realtime, _priority.ApplyToCurrentThread(Name));
        }

        var events = new byte[MaxEvents * Epoll.EventSize];
        var buffer = new byte[ReceiveBufferLength];
        var scratch = new byte[8];
        var fromV4 = new SocketAddress(AddressFamily.InterNetwork);
        var fromV6 = new SocketAddress(AddressFamily.InterNetworkV6);
        var timeout = -1;
        try
        {
            while (!_stopping)
            {
                var count = Epoll.Wait(_epoll, events, timeout);
                if (count < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Epoll.Interrupted)
                    {
                        continue;
                    }

                    MediaLog.EpollWaitFailed(_logger, Name, errno);
                    return;
                }

                // Odd from here to the end of the pass (a full fence before any slot is read; see RemoveAsync).
                Interlocked.Increment(ref _passes);

                // Barriers registered before this pass are completed at its end; later ones by the next pass.
                var barriers = Volatile.Read(ref _pendingBarriers) != 0 ? TakeBarriers() : null;
                var probe = Volatile.Read(ref _probe);
                var wokenAt = probe is null ? 0 : Stopwatch.GetTimestamp();
                var slots = Volatile.Read(ref _slots);
                for (var i = 0; i < count; i++)
                {
                    Epoll.ReadEvent(events, i, out _, out var token);
                    if (token == WakeToken)
                    {
                        Epoll.Drain(_wake, scratch);
                        slots = Volatile.Read(ref _slots);
                        continue;
                    }

                    var slot = (int)(uint)token;
                    if (slot < slots.Length && slots[slot] is { } leg && leg.PollToken == token &&
                        leg.OnReadable(buffer, leg.LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? fromV6 : fromV4))
                    {
                        Volatile.Write(ref _allocatedBytes, GC.GetAllocatedBytesForCurrentThread());
                        Volatile.Write(ref _datagrams, _datagrams + 1);
                        probe?.OnDatagram(leg, wokenAt);
                    }
                }

                timeout = RunClock();
                if (barriers is not null)
                {
                    if (_ticking)
                    {
                        // A tick spans passes: whoever waits for this pass also waits for the tick to finish.
                        RequeueBarriers(barriers);
                    }
                    else
                    {
                        foreach (var barrier in barriers)
                        {
                            barrier.TrySetResult();
                        }
                    }
                }

                if (Volatile.Read(ref _pendingBarriers) != 0)
                {
                    // Registered during this pass (its wake-up may have been drained already): one more pass now.
                    timeout = 0;
                }

                // Even again: the thread is outside every leg until the next pass.
                Interlocked.Increment(ref _passes);
            }
        }
        catch (Exception e)
        {
            MediaLog.EpollLoopFailed(_logger, Name, e);
        }
        finally
        {
            lock (_lock)
            {
                _stopping = true;
                _exited = true;
            }

            foreach (var barrier in TakeBarriers())
            {
                barrier.TrySetResult();
            }

            _stopped.TrySetResult();
        }
    }

    private void RequeueBarriers(List<TaskCompletionSource> barriers)
    {
        lock (_lock)
        {
            barriers.AddRange(_barriers);
            _barriers = barriers;
            Volatile.Write(ref _pendingBarriers, 1);
        }
    }

    private List<TaskCompletionSource> TakeBarriers()
    {
        lock (_lock)
        {
            var barriers = _barriers;
            _barriers = [];
            Volatile.Write(ref _pendingBarriers, 0);
            return barriers;
        }
    }
}
