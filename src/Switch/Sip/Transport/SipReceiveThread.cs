namespace Switch.Sip.Transport;

/// <summary>
/// Lets work that a received datagram starts (a call's mailbox) run on the transport's UDP receive thread once
/// the datagram has been handled, instead of hopping to the thread pool: one thread wake-up per datagram instead
/// of two, as one Kamailio worker handles a message from recvfrom to sendto. Deferred work runs after the
/// transaction layer has returned, so no transaction lock is held while it runs; work that it posts in turn
/// goes to the thread pool.
/// </summary>
internal static class SipReceiveThread
{
    /// <summary>At most this many work items are run per datagram; more go to the pool.</summary>
    private const int MaxDeferred = 8;

    [ThreadStatic]
    private static List<IThreadPoolWorkItem>? t_deferred;

    [ThreadStatic]
    private static bool t_running;

    /// <summary>Called once by each receive thread.</summary>
    internal static void MarkCurrent() => t_deferred = new List<IThreadPoolWorkItem>(MaxDeferred);

    /// <summary>
    /// On a receive thread that is handling a datagram, keeps <paramref name="work"/> to run when the datagram is
    /// done and returns true; otherwise false (queue it to the pool).
    /// </summary>
    public static bool TryDefer(IThreadPoolWorkItem work)
    {
        var deferred = t_deferred;
        if (deferred is null || t_running || deferred.Count >= MaxDeferred)
        {
            return false;
        }
        deferred.Add(work);
        return true;
    }

    /// <summary>Runs what handling the last datagram deferred, in order.</summary>
    internal static void RunDeferred()
    {
        var deferred = t_deferred;
        if (deferred is null || deferred.Count == 0)
        {
            return;
        }
        t_running = true;
        try
        {
            for (var i = 0; i < deferred.Count; i++)
            {
                deferred[i].Execute();
            }
        }
        finally
        {
            deferred.Clear();
            t_running = false;
        }
    }
}
