using System.Net;
using System.Net.Sockets;

namespace Switch.EventSocket;

public sealed partial class EslServer
{
    private async Task AcceptLoopAsync()
    {
        var listener = _listener!;
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException)
            {
                return;
            }
            catch (SocketException ex) when (Volatile.Read(ref _state) != 1)
            {
                _ = ex;
                return;
            }
            catch (SocketException ex)
            {
                // Transient (e.g. a connection reset before accept completed): keep accepting.
                EslServerLog.AcceptFailed(_logger, ex);
                continue;
            }

            _ = Task.Run(() => HandleAcceptedAsync(socket));
        }
    }

    private async Task HandleAcceptedAsync(Socket socket)
    {
        EndPoint? remote = null;
        try
        {
            remote = socket.RemoteEndPoint;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            socket.Dispose();
            return;
        }

        var address = (remote as IPEndPoint)?.Address ?? IPAddress.None;
        string? refusal = null;
        if (!_acl.Allows(address))
        {
            refusal = "denied by ACL";
        }
        else if (_ctx.Throttle.IsRefused(address))
        {
            refusal = "too many failed authentications";
        }

        if (refusal is not null)
        {
            _metrics.Rejected.Add(1);
            EslServerLog.Rejected(_logger, remote, refusal);
            var rejection = new System.Buffers.ArrayBufferWriter<byte>(256);
            EslFrameWriter.WriteRudeRejection(rejection);
            EslFrameWriter.WriteDisconnectNotice(rejection);
            await SendAndCloseAsync(socket, rejection.WrittenMemory).ConfigureAwait(false);
            return;
        }

        if (Interlocked.Increment(ref _inbound) > _options.MaxConnections || Volatile.Read(ref _state) != 1)
        {
            Interlocked.Decrement(ref _inbound);
            _metrics.Rejected.Add(1);
            EslServerLog.Rejected(_logger, remote, "connection limit reached");
            await SendAndCloseAsync(socket, RenderNotice(null, "Disconnected, too many connections.\n")).ConfigureAwait(false);
            return;
        }

        try
        {
            _metrics.Connections.Add(1);
            var connection = new EslConnection(_ctx, socket, outbound: false, boundUuid: null);
            var run = connection.RunAsync();
            Track(connection, run);
            await run.ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inbound);
        }
    }

    private async Task SendAndCloseAsync(Socket socket, ReadOnlyMemory<byte> bytes)
    {
        using var timeout = new CancellationTokenSource(RejectSendTimeout, _time);
        try
        {
            await socket.SendAsync(bytes, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is gone or not reading; it is refused either way.
        }
        finally
        {
            socket.Dispose();
        }
    }
}
