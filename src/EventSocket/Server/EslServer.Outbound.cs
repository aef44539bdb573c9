using System.Net;
using System.Net.Sockets;

namespace Switch.EventSocket;

public sealed partial class EslServer
{
    /// <summary>
    /// Outbound mode (FS's <c>socket</c> application, always <c>async full</c>): dials <paramref name="controller"/>
    /// for channel <paramref name="uuid"/>, then serves it like an inbound connection bound to that channel — it
    /// waits for <c>connect</c>, answers with the channel data, and accepts every command (sendmsg without uuid
    /// targets the channel). Returns as soon as the TCP connection is up.
    /// </summary>
    /// <exception cref="EslConnectException">The controller could not be reached within <see cref="EslServerOptions.OutboundConnectTimeout"/>; refuse the call.</exception>
    public async Task<EslOutboundSession> ConnectOutboundAsync(EndPoint controller, string uuid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentException.ThrowIfNullOrEmpty(uuid);
        if (Volatile.Read(ref _state) != 1)
        {
            throw new InvalidOperationException("The event socket server is not running.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using (var timeout = new CancellationTokenSource(_options.OutboundConnectTimeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken, _stopping.Token))
        {
            try
            {
                await socket.ConnectAsync(controller, linked.Token).ConfigureAwait(false);
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
                var reason = ex is OperationCanceledException ? "timed out" : ((SocketException)ex).SocketErrorCode.ToString();
                EslServerLog.OutboundFailed(_logger, uuid, controller, reason);
                throw new EslConnectException($"Outbound event socket to {controller} for {uuid} failed: {reason}.", ex);
            }
        }

        _metrics.Connections.Add(1);
        EslServerLog.OutboundConnected(_logger, uuid, controller);
        var connection = new EslConnection(_ctx, socket, outbound: true, boundUuid: uuid);
        var run = connection.RunAsync();
        Track(connection, run);
        return new EslOutboundSession(connection, run, controller);
    }
}
