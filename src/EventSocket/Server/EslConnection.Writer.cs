using System.Net.Sockets;
using System.Threading.Channels;

namespace Switch.EventSocket;

internal sealed partial class EslConnection
{
    /// <summary>A batch is sent once it holds this much (a loopback TCP segment is at most 64 KiB).</summary>
    private const int SendThreshold = 48 * 1024;

    /// <summary>
    /// Drains the queue into the socket: every frame queued at the moment is appended to one pooled buffer
    /// (<see cref="EslSendBuffer"/>), which goes out in one socket write when the queue is momentarily empty or
    /// <see cref="SendThreshold"/> bytes are gathered. Holds <see cref="_sendLock"/> while it has items in hand, so that
    /// a reply sent straight from the reader never interleaves with or overtakes them. Ends after a Close item, when the queue completes, on an abort,
    /// or on a socket error; in every case it stops the reader too.
    /// </summary>
    private async Task WriterLoopAsync()
    {
        var reader = _queue.Reader;
        var buffer = new EslSendBuffer();
        try
        {
            while (await reader.WaitToReadAsync(_writeAbort.Token).ConfigureAwait(false))
            {
                bool open;
                await _sendLock.WaitAsync(_writeAbort.Token).ConfigureAwait(false);
                try
                {
                    open = await WriteBatchAsync(reader, buffer).ConfigureAwait(false);
                }
                finally
                {
                    _sendLock.Release();
                }

                if (!open)
                {
                    return;
                }

                // Nothing queued: an idle connection holds no buffer.
                buffer.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Peer gone, aborted or timed out while draining: close.
        }
        finally
        {
            buffer.Release();
            _closed = true;
            _queue.Writer.TryComplete();
            TryCancel(_closing);
            while (reader.TryRead(out var unsent))
            {
                (unsent.Payload as EslDelivery)?.Release();
            }
        }
    }

    /// <summary>Writes everything queued, in batches of up to <see cref="SendThreshold"/>; false when the connection must close.</summary>
    private async ValueTask<bool> WriteBatchAsync(ChannelReader<EslOutItem> reader, EslSendBuffer buffer)
    {
        var open = true;
        while (open && reader.TryRead(out var item))
        {
            if (_abortFrame is { } abort)
            {
                (item.Payload as EslDelivery)?.Release();
                EslBytes.Write(buffer, abort);
                open = false;
                break;
            }

            open = WriteItem(buffer, item);
            if (buffer.Written >= SendThreshold)
            {
                await SendAsync(buffer).ConfigureAwait(false);
            }
        }

        if (buffer.Written > 0)
        {
            await SendAsync(buffer).ConfigureAwait(false);
        }

        return open;
    }

    /// <summary>One socket write of everything gathered (the socket completes partial sends itself).</summary>
    private async ValueTask SendAsync(EslSendBuffer buffer)
    {
        await _socket.SendAsync(buffer.WrittenMemory, SocketFlags.None, _writeAbort.Token).ConfigureAwait(false);
        buffer.Clear();
    }

    /// <summary>Writes one item; false when the connection must close after it.</summary>
    private bool WriteItem(EslSendBuffer output, in EslOutItem item)
    {
        switch (item.Kind)
        {
            case EslOutKind.Event:
                Interlocked.Decrement(ref _queued);
                WriteEvent(output, item);
                return true;
            case EslOutKind.Log:
                Interlocked.Decrement(ref _queued);
                var line = (EslLogLine)item.Payload!;
                if (line.Level <= _logLevel)
                {
                    EslFrameWriter.WriteLogData(output, line);
                }

                return true;
            case EslOutKind.Reply:
                EslBytes.Write(output, (byte[])item.Payload!);
                _replyCredits.Release();
                return true;
            case EslOutKind.Close:
                EslBytes.Write(output, (byte[])item.Payload!);
                return false;
            case EslOutKind.SessionEnded:
                return OnSessionEnded(output, item.Payload as string);
            case EslOutKind.LingerExpired:
                EslFrameWriter.WriteSessionDisconnectNotice(output, _boundUuid ?? string.Empty);
                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// Writes a queued event unless <c>noevents</c>/<c>event resume</c> discarded it (older epoch): the shared frame of a
    /// published event, or a frame of the event's own cache for a replayed one (and when the connection's format
    /// changed since the event was queued: like FS, the format in force when it is written counts).
    /// </summary>
    private void WriteEvent(EslSendBuffer output, in EslOutItem item)
    {
        var delivery = item.Payload as EslDelivery;
        if (item.Epoch == _epoch)
        {
            var format = _subscription.Format;
            if (delivery is not null && delivery.Format == format)
            {
                EslBytes.Write(output, delivery.Frame);
            }
            else
            {
                EslFrameWriter.WriteEvent(output, delivery?.Event ?? (EslEvent)item.Payload!, format);
            }

            _ctx.Metrics.EventsDelivered.Add(1);
        }

        delivery?.Release();
    }

    /// <summary>The bound channel is gone: linger notice and keep streaming, or the session notice and close.</summary>
    private bool OnSessionEnded(EslSendBuffer output, string? channelName)
    {
        var uuid = _boundUuid ?? string.Empty;
        var linger = _lingerSeconds;
        if (linger == NoLinger)
        {
            EslFrameWriter.WriteSessionDisconnectNotice(output, uuid);
            return false;
        }

        if (_lingerTimer is not null)
        {
            return true;
        }

        EslFrameWriter.WriteLingerNotice(output, uuid, channelName ?? string.Empty, linger);
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
