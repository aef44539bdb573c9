using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Switch.Media;

internal sealed partial class MediaLeg
{
    private const int ReceiveBufferLength = 2048;
    private const byte ComfortNoisePayloadType = 13;

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferLength);
        var from = new SocketAddress(_socket.AddressFamily);
        var token = _stopping.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                int length;
                try
                {
                    length = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, from, token).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize or SocketError.NetworkReset)
                {
                    continue;
                }

                try
                {
                    OnDatagram(buffer.AsSpan(0, length), from);
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref _dropped);
                    MediaLog.PacketFailed(_logger, Name, e);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || token.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            MediaLog.ReceiveLoopFailed(_logger, Name, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Registration of this leg in its <see cref="EpollMediaLoop"/> (slot and generation); set by the loop.</summary>
    internal ulong PollToken { get; set; }

    /// <summary>
    /// Called by the leg's media thread when its (non-blocking) socket is readable: reads one datagram and
    /// handles it. False when nothing was read (spurious wake-up, ICMP error, socket closed).
    /// </summary>
    internal bool OnReadable(byte[] buffer, SocketAddress from)
    {
        int length;
        try
        {
            length = _socket.ReceiveFrom(buffer, SocketFlags.None, from);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }

        try
        {
            OnDatagram(buffer.AsSpan(0, length), from);
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref _dropped);
            MediaLog.PacketFailed(_logger, Name, e);
        }

        return true;
    }

    /// <summary>One datagram from the socket: validate, latch, count, detect DTMF, record, relay.</summary>
    internal void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        var now = _time.GetTimestamp();
        if (!RtpHeader.TryParse(datagram, out var header, out _) || header.PayloadType is >= 72 and <= 76)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        var settings = Volatile.Read(ref _settings);
        if (settings is null || !Latch(from, now))
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        Volatile.Write(ref _lastPacketAt, now);
        var payloadType = header.PayloadType;
        var payload = header.Payload(datagram);
        if (payloadType == settings.ReceiveTelephoneEventPayloadType || payloadType == settings.TelephoneEventPayloadType)
        {
            _statistics.OnPacket(header, datagram.Length, ArrivalUnits(now, 8000), false, 8000);
            _dtmfReceiver.Process(header.Timestamp, payload, now);
            RelayTelephoneEvent(datagram, header);
            return;
        }

        _dtmfReceiver.CheckTimeout(now, _dtmfQuietTicks);
        var isCodec = payloadType == settings.ReceivePayloadType || payloadType == settings.Codec.PayloadType;
        var law = isCodec ? settings.Codec.Law : payloadType switch
        {
            0 => G711Law.MuLaw,
            8 => G711Law.ALaw,
            _ => (G711Law?)null,
        };
        _statistics.OnPacket(header, datagram.Length, ArrivalUnits(now, settings.Codec.ClockRate), true, settings.Codec.ClockRate);
        if (law is { } receivedLaw)
        {
            Volatile.Read(ref _recording)?.OnReceived(payload, receivedLaw);
        }

        var peer = Volatile.Read(ref _peer);
        var peerSettings = peer?.Settings;
        if (peer is null || peerSettings is null)
        {
            return;
        }

        if (law is not null && peerSettings.Codec.Law is not null)
        {
            peer._output.Relay(datagram, header, peerSettings.Codec.PayloadType, law, peerSettings.Codec.Law);
        }
        else if (isCodec && settings.Codec.IsSameFormat(peerSettings.Codec))
        {
            peer._output.Relay(datagram, header, peerSettings.Codec.PayloadType, null, null);
        }
        else if (payloadType != ComfortNoisePayloadType)
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    private void RelayTelephoneEvent(ReadOnlySpan<byte> datagram, in RtpHeader header)
    {
        if (Volatile.Read(ref _peer) is { } peer &&
            Bridge is { DtmfMode: DtmfRelayMode.Passthrough } &&
            peer.Settings?.TelephoneEventPayloadType is { } payloadType)
        {
            peer._output.Relay(datagram, header, payloadType, null, null);
        }
    }

    /// <summary>
    /// Symmetric RTP: the first packet fixes where we send; packets from elsewhere are dropped unless the
    /// latched source has been silent for <see cref="MediaOptions.RelatchAfter"/> (NAT rebinding, re-INVITE).
    /// </summary>
    private bool Latch(SocketAddress from, long now)
    {
        var latched = Volatile.Read(ref _latched);
        if (latched is not null && latched.Equals(from))
        {
            _lastFromLatched = now;
            return true;
        }

        if (latched is not null && now - _lastFromLatched < _relatchTicks)
        {
            return false;
        }

        var copy = new SocketAddress(from.Family, from.Size);
        from.Buffer.Span[..from.Size].CopyTo(copy.Buffer.Span);
        var endPoint = (IPEndPoint)LocalEndPoint.Create(copy);
        lock (_remoteLock)
        {
            _latchedEndPoint = endPoint;
            Volatile.Write(ref _latched, copy);
            _lastFromLatched = now;
            var settings = _settings;
            _output.SetTarget(endPoint, settings?.Send ?? true);
        }

        MediaLog.Latched(_logger, Name, endPoint);
        return true;
    }

    private long ArrivalUnits(long now, int clockRate) =>
        (long)((double)(now - _createdAt) * clockRate / _time.TimestampFrequency);
}
