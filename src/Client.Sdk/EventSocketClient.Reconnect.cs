using System.Globalization;
using Switch.EventSocket;

namespace Switch.Client;

public sealed partial class EventSocketClient
{
    private const string ResumeReplyPrefix = "+OK resumed ";

    private protected override void OnTransportClosed(EslTransport transport, Exception? reason)
    {
        var willReconnect = _options.AutoReconnect && !IsDisposed;
        EventSocketClientLog.ConnectionLost(Logger, Peer, reason?.Message ?? "closed by the switch");
        Raise(ConnectionLost, new ConnectionLostEventArgs(reason, willReconnect));
        if (willReconnect)
        {
            _ = ReconnectLoopAsync();
        }
    }

    private async Task ReconnectLoopAsync()
    {
        var attempt = 0;
        while (!IsDisposed)
        {
            if (_options.MaxReconnectAttempts is { } max && attempt >= max)
            {
                return;
            }

            var delay = _backoff.GetDelay(attempt, Random.Shared.NextDouble());
            attempt++;
            EventSocketClientLog.ReconnectScheduled(Logger, attempt, Peer, (long)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _options.TimeProvider, DisposingToken).ConfigureAwait(false);
                var sequence = LastEventSequence;
                var transport = await OpenAsync(DisposingToken).ConfigureAwait(false);
                var (resumed, replayed, missed) = await TryResumeAsync(transport, sequence).ConfigureAwait(false);
                if (IsDisposed)
                {
                    await transport.DisposeAsync().ConfigureAwait(false);
                    return;
                }

                Attach(transport);
                EventSocketClientLog.Reconnected(Logger, Peer, replayed, missed ?? 0, resumed ? "yes" : "no");
                Raise(Reconnected, new ReconnectedEventArgs(attempt, resumed, replayed, missed));
                return;
            }
            catch (OperationCanceledException) when (IsDisposed)
            {
                return;
            }
            catch (Exception ex) when (ex is EventSocketException or IOException or OperationCanceledException)
            {
                EventSocketClientLog.ReconnectFailed(Logger, attempt, Peer, ex.Message);
            }
        }
    }

    /// <summary>
    /// <c>event resume &lt;sequence&gt;</c> when enabled, not known to be unsupported, and something to resume.
    /// <c>+OK resumed N events, M missing</c> means supported; any <c>-ERR</c> (FreeSWITCH: no keywords) means not.
    /// </summary>
    private async Task<(bool Resumed, long Replayed, long? Missed)> TryResumeAsync(EslTransport transport, long? sequence)
    {
        if (!_options.ResumeEvents || sequence is null || Volatile.Read(ref _resumeSupport) < 0 || !HasSubscriptions)
        {
            return (false, 0, null);
        }

        BeginDroppingReplayed();
        var line = "event resume " + sequence.Value.ToString(CultureInfo.InvariantCulture);
        var reply = await SendOnAsync(transport, w => EslCommandWriter.WriteCommand(w, line), DisposingToken).ConfigureAwait(false);
        var text = reply.ReplyText ?? string.Empty;
        if (!reply.IsOk)
        {
            StopDroppingReplayed();
            Volatile.Write(ref _resumeSupport, -1);
            return (false, 0, null);
        }

        Volatile.Write(ref _resumeSupport, 1);
        return TryParseResumeReply(text, out var replayed, out var missed) ? (true, replayed, missed) : (true, 0, null);
    }

    /// <summary>Parses <c>+OK resumed &lt;n&gt; events, &lt;m&gt; missing</c>.</summary>
    internal static bool TryParseResumeReply(string text, out long replayed, out long missed)
    {
        replayed = 0;
        missed = 0;
        if (!text.StartsWith(ResumeReplyPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text[ResumeReplyPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out replayed)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out missed);
    }

    private void Raise<T>(EventHandler<T>? handler, T args)
    {
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(this, args);
        }
        catch (Exception ex)
        {
            EventSocketClientLog.HandlerFailed(Logger, ex);
        }
    }
}
