using System.Net.Sockets;

namespace Switch.EventSocket;

internal sealed partial class EslConnection
{
    private const int FlushThreshold = 64 * 1024;

    /// <summary>
    /// Drains the queue into the socket, batching frames and flushing when the queue is momentarily empty or
    /// 64 KiB are pending. Ends after a Close item, when the queue completes, on an abort, or on a socket error;
    /// in every case it stops the reader too.
    /// </summary>
    private async Task WriterLoopAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_writeAbort.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var item))
                {
                    if (_abortFrame is { } abort)
                    {
                        EslBytes.Write(_output, abort);
                        await _output.FlushAsync(_writeAbort.Token).ConfigureAwait(false);
                        return;
                    }

                    if (!WriteItem(item))
                    {
                        await _output.FlushAsync(_writeAbort.Token).ConfigureAwait(false);
                        return;
                    }

                    if (_output.UnflushedBytes >= FlushThreshold && !await FlushAsync().ConfigureAwait(false))
                    {
                        return;
                    }
                }

                if (!await FlushAsync().ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Peer gone, aborted or timed out while draining: close.
        }
        finally
        {
            _closed = true;
            _queue.Writer.TryComplete();
            TryCancel(_closing);
        }
    }

    private async ValueTask<bool> FlushAsync()
    {
        var result = await _output.FlushAsync(_writeAbort.Token).ConfigureAwait(false);
        return !result.IsCanceled && !result.IsCompleted;
    }

    /// <summary>Writes one item; false when the connection must close after it.</summary>
    private bool WriteItem(in EslOutItem item)
    {
        switch (item.Kind)
        {
            case EslOutKind.Event:
                Interlocked.Decrement(ref _queued);
                if (item.Epoch == _epoch)
                {
                    EslFrameWriter.WriteEvent(_output, (EslEvent)item.Payload!, _subscription.Format);
                    _ctx.Metrics.EventsDelivered.Add(1);
                }

                return true;
            case EslOutKind.Log:
                Interlocked.Decrement(ref _queued);
                var line = (EslLogLine)item.Payload!;
                if (line.Level <= _logLevel)
                {
                    EslFrameWriter.WriteLogData(_output, line);
                }

                return true;
            case EslOutKind.Reply:
                EslBytes.Write(_output, (byte[])item.Payload!);
                _replyCredits.Release();
                return true;
            case EslOutKind.Close:
                EslBytes.Write(_output, (byte[])item.Payload!);
                return false;
            case EslOutKind.SessionEnded:
                return OnSessionEnded(item.Payload as string);
            case EslOutKind.LingerExpired:
                EslFrameWriter.WriteSessionDisconnectNotice(_output, _boundUuid ?? string.Empty);
                return false;
            default:
                return true;
        }
    }

    /// <summary>The bound channel is gone: linger notice and keep streaming, or the session notice and close.</summary>
    private bool OnSessionEnded(string? channelName)
    {
        var uuid = _boundUuid ?? string.Empty;
        var linger = _lingerSeconds;
        if (linger == NoLinger)
        {
            EslFrameWriter.WriteSessionDisconnectNotice(_output, uuid);
            return false;
        }

        if (_lingerTimer is not null)
        {
            return true;
        }

        EslFrameWriter.WriteLingerNotice(_output, uuid, channelName ?? string.Empty, linger);
        if (linger >= 0)
        {
            _lingerTimer = _ctx.Time.CreateTimer(
                static s => ((EslConnection)s!)._queue.Writer.TryWrite(new EslOutItem(EslOutKind.LingerExpired, null, 0)),
                this,
                TimeSpan.FromSeconds(linger),
                Timeout.InfiniteTimeSpan);
        }

        return true;
    }
}
