using System.Net;
using System.Net.Sockets;
using Switch.Sip.Message;

namespace Switch.Sip.Transport;

internal sealed partial class SipTransport
{
    private const int MaxDatagram = 65535;

    private const int EndPointCacheLimit = 4096;
    private static readonly TimeSpan UdpReceivePoll = TimeSpan.FromMilliseconds(250);

    [ThreadStatic]
    private static Dictionary<IPEndPoint, SocketAddress>? t_socketAddresses;

    /// <summary>
    /// Starts one dedicated receive thread on a UDP socket. Each thread blocks in recvfrom, parses and hands the
    /// message to the sink inline, as one Kamailio worker process does: no epoll wake-up and no thread-pool hop per
    /// datagram. Several threads on one socket share its queue (the kernel wakes one per datagram).
    /// </summary>
    private Task StartUdpReceiver(UdpListener listener, int index)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                SipReceiveThread.MarkCurrent();
                UdpReceive(listener);
            }
            finally
            {
                done.TrySetResult();
            }
        })
        {
            IsBackground = true,
            Name = $"sip-udp-{listener.EndPoint.Port}-{index}",
        };
        thread.Start();
        return done.Task;
    }

    private void UdpReceive(UdpListener listener)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram);
        var from = new SocketAddress(listener.Socket.AddressFamily);
        // Remote addresses seen by this thread: a SIP peer sends many datagrams, so most receives reuse an endpoint.
        var endPoints = new Dictionary<SocketAddress, IPEndPoint>();
        var template = listener.EndPoint;
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                int length;
                try
                {
                    length = listener.Socket.ReceiveFrom(buffer, SocketFlags.None, from);
                }
                catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
                {
                    continue; // the poll interval: look at _stopping again
                }
                catch (SocketException ex) when (!_stopping.IsCancellationRequested)
                {
                    // ICMP errors for earlier sends (port unreachable...) surface here; the socket is still fine.
                    SipTransportLog.ReceiveError(_logger, listener.EndPoint.ToString(), ex.SocketErrorCode.ToString());
                    continue;
                }

                var bytes = buffer.AsSpan(0, length);
                if (SipSyntax.TrimLws(bytes).IsEmpty)
                {
                    continue; // CRLF keep-alive
                }

                if (!endPoints.TryGetValue(from, out var remote))
                {
                    if (endPoints.Count >= EndPointCacheLimit)
                    {
                        endPoints.Clear();
                    }
                    remote = (IPEndPoint)template.Create(from);
                    var key = new SocketAddress(from.Family, from.Size);
                    from.Buffer.Span.CopyTo(key.Buffer.Span);
                    endPoints[key] = remote;
                }

                if (_options.IsSilenced?.Invoke(remote.Address) == true)
                {
                    Interlocked.Increment(ref _silencedDrops);
                    continue;
                }

                var flow = new SipFlow(SipTransportType.Udp, listener.EndPoint, remote);
                Trace.Received(bytes, SipTransportType.Udp, listener.EndPoint, remote);
                // Parsed straight from the receive buffer: the message copies what it keeps (stamping its top Via on the way).
                try
                {
                    Deliver(buffer.AsMemory(0, length), ownsBytes: false, flow);
                }
                finally
                {
                    // Calls the datagram woke run here now, with no transaction lock held (SipReceiveThread).
                    SipReceiveThread.RunDeferred();
                }
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException || _stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            SipTransportLog.ReceiveFailed(_logger, listener.EndPoint.ToString(), ex);
        }
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        await Task.Yield();
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var socket = await listener.AcceptAsync(_stopping.Token);
                socket.NoDelay = true;
                var connection = new SipTcpConnection(socket, _time);
                SipTransportLog.Accepted(_logger, connection.Id, connection.Remote.ToString());
                Register(connection);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException && _stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            SipTransportLog.ReceiveFailed(_logger, listener.LocalEndPoint?.ToString() ?? "tcp", ex);
        }
    }

    private void Register(SipTcpConnection connection)
    {
        _connections[connection.Id] = connection;
        _connectionsByRemote[connection.Remote] = connection;
        connection.Start(_framer, OnFrame, OnConnectionClosed);
        if (_stopping.IsCancellationRequested)
        {
            connection.Close();
        }
    }

    private void OnFrame(SipTcpConnection connection, byte[] bytes)
    {
        if (_options.IsSilenced?.Invoke(connection.Remote.Address) == true)
        {
            Interlocked.Increment(ref _silencedDrops);
            return;
        }

        Trace.Received(bytes, SipTransportType.Tcp, connection.Local, connection.Remote);
        Deliver(bytes, ownsBytes: true, connection.Flow);
    }

    private void OnConnectionClosed(SipTcpConnection connection, string reason)
    {
        SipTransportLog.ClosingConnection(_logger, connection.Id, connection.Remote.ToString(), reason);
        _ = _connections.TryRemove(connection.Id, out _);
        _ = _connectionsByRemote.TryRemove(new KeyValuePair<IPEndPoint, SipTcpConnection>(connection.Remote, connection));
    }

    private void Deliver(ReadOnlyMemory<byte> bytes, bool ownsBytes, SipFlow flow)
    {
        try
        {
            var forceRport = _options.ForceRport && flow.Transport == SipTransportType.Udp;
            if (!SipMessageParser.TryParseReceived(bytes, flow.Remote, forceRport, ownsBytes, out var message, out var error))
            {
                SipTransportLog.BadDatagram(_logger, flow.ToString(), error.ToString());
                _sink!.OnInvalidMessage(error, flow);
                return;
            }

            _sink!.OnMessage(message, flow);
        }
        catch (Exception ex)
        {
            SipTransportLog.SinkFailed(_logger, flow.ToString(), ex);
        }
    }

    private async ValueTask<SipTcpConnection> GetConnectionAsync(SipTarget target, CancellationToken cancellationToken)
    {
        if (target.ConnectionId != 0 && _connections.TryGetValue(target.ConnectionId, out var byId) && !byId.IsClosed)
        {
            return byId;
        }

        var remote = target.EndPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(target.EndPoint.Address.MapToIPv4(), target.EndPoint.Port) : target.EndPoint;
        if (_connectionsByRemote.TryGetValue(remote, out var existing) && !existing.IsClosed)
        {
            return existing;
        }

        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
            timeout.CancelAfter(_options.TcpConnectTimeout);
            await socket.ConnectAsync(remote, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new SipTcpConnection(socket, _time);
        Register(connection);
        return connection;
    }

    private void SweepIdle()
    {
        foreach (var connection in _connections.Values)
        {
            if (connection.IdleFor >= _options.TcpIdleTimeout)
            {
                SipTransportLog.ClosingConnection(_logger, connection.Id, connection.Remote.ToString(), "idle");
                connection.Close();
            }
        }
    }
}
