using System.Net;
using System.Net.Sockets;

namespace Switch.Media;

/// <summary>
/// The RTP stream a leg sends: one stable SSRC, continuous sequence numbers and timestamps whatever feeds it
/// (relayed packets from the bridged leg, playback frames, DTMF events). Relayed packets keep their spacing
/// (seq/timestamp offset per input SSRC); a change of feeder re-bases the timeline on the wall clock and sets
/// the marker bit. Thread-safe: relay (socket thread) and clock (timer thread) both send.
/// </summary>
internal sealed class RtpOutput
{
    public const int MaxPacketLength = 2048;
    private const int DefaultFrameSamples = 160;

    private readonly Lock _lock = new();
    private readonly Socket _socket;
    private readonly TimeProvider _time;
    private readonly byte[] _buffer = new byte[MaxPacketLength];
    private SocketAddress? _target;
    private IPEndPoint? _targetEndPoint;
    private bool _sendEnabled = true;
    private ushort _nextSequence;
    private uint _lastTimestamp;
    private long _lastSentAt;
    private int _lastFrameSamples = DefaultFrameSamples;
    private bool _started;
    private Feeder _feeder;
    private uint _relaySsrc;
    private ushort _sequenceOffset;
    private uint _timestampOffset;
    private uint _localTimestamp;
    private bool _markNext;
    private int _muteRelay;
    private long _packetsSent;
    private long _bytesSent;
    private long _sendErrors;
    private long _relayDropped;

    public RtpOutput(Socket socket, TimeProvider time)
    {
        _socket = socket;
        _time = time;
        Ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
        _nextSequence = (ushort)Random.Shared.Next(0, ushort.MaxValue);
        _lastTimestamp = (uint)Random.Shared.NextInt64(0, uint.MaxValue);
    }

    private enum Feeder
    {
        None,
        Relay,
        Local,
    }

    public uint Ssrc { get; }

    /// <summary>Audio sent is also handed to this recording (decoded) when set.</summary>
    public Recording? Tap { get; set; }

    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long SendErrors => Interlocked.Read(ref _sendErrors);

    public long RelayDropped => Interlocked.Read(ref _relayDropped);

    public IPEndPoint? Target => Volatile.Read(ref _targetEndPoint);

    /// <summary>Where packets go (null: nowhere yet) and whether the remote wants them at all.</summary>
    public void SetTarget(IPEndPoint? target, bool sendEnabled)
    {
        lock (_lock)
        {
            _target = target?.Serialize();
            _targetEndPoint = target;
            _sendEnabled = sendEnabled;
        }
    }

    /// <summary>While muted (playback or DTMF owns the stream) relayed packets are dropped. Calls nest.</summary>
    public void MuteRelay(bool mute)
    {
        if (mute)
        {
            Interlocked.Increment(ref _muteRelay);
        }
        else
        {
            Interlocked.Decrement(ref _muteRelay);
        }
    }

    /// <summary>
    /// Sends a packet received on the bridged leg: fresh 12-byte header (our SSRC, mapped seq/timestamp, the
    /// given payload type), payload copied or transcoded between G.711 laws.
    /// </summary>
    public bool Relay(ReadOnlySpan<byte> packet, in RtpHeader header, byte payloadType, G711Law? from, G711Law? to)
    {
        if (Volatile.Read(ref _muteRelay) > 0)
        {
            Interlocked.Increment(ref _relayDropped);
            return false;
        }

        var payload = header.Payload(packet);
        if (payload.Length > MaxPacketLength - RtpHeader.FixedLength)
        {
            Interlocked.Increment(ref _relayDropped);
            return false;
        }

        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (_feeder != Feeder.Relay || _relaySsrc != header.Ssrc)
            {
                _feeder = Feeder.Relay;
                _relaySsrc = header.Ssrc;
                _sequenceOffset = (ushort)(_nextSequence - header.SequenceNumber);
                _timestampOffset = NextTimestamp(now, _time) - header.Timestamp;
                _markNext = true;
            }

            var sequence = (ushort)(header.SequenceNumber + _sequenceOffset);
            var timestamp = header.Timestamp + _timestampOffset;
            var marker = header.Marker || _markNext;
            _markNext = false;
            RtpHeader.WriteFixed(_buffer, marker, payloadType, sequence, timestamp, Ssrc);
            var body = _buffer.AsSpan(RtpHeader.FixedLength, payload.Length);
            if (from is { } source && to is { } target && source != target)
            {
                if (source == G711Law.MuLaw)
                {
                    G711.MuLawToALaw(payload, body);
                }
                else
                {
                    G711.ALawToMuLaw(payload, body);
                }
            }
            else
            {
                payload.CopyTo(body);
            }

            if ((short)(sequence - _nextSequence) >= 0)
            {
                _nextSequence = (ushort)(sequence + 1);
            }

            if ((int)(timestamp - _lastTimestamp) >= 0)
            {
                _lastTimestamp = timestamp;
                _lastFrameSamples = to is null ? DefaultFrameSamples : Math.Max(1, payload.Length);
            }

            _lastSentAt = now;
            _started = true;
            if (to is { } law && payloadType != 13)
            {
                Tap?.OnSent(body, law);
            }

            return Transmit(RtpHeader.FixedLength + payload.Length);
        }
    }

    /// <summary>Sends one locally generated audio frame (playback, in-band DTMF).</summary>
    public bool SendLocal(ReadOnlySpan<byte> payload, byte payloadType, G711Law? law)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var marker = BeginLocal(now);
            RtpHeader.WriteFixed(_buffer, marker, payloadType, _nextSequence++, _localTimestamp, Ssrc);
            payload.CopyTo(_buffer.AsSpan(RtpHeader.FixedLength));
            _lastTimestamp = _localTimestamp;
            _lastFrameSamples = payload.Length;
            _localTimestamp += (uint)payload.Length;
            _lastSentAt = now;
            if (law is { } l)
            {
                Tap?.OnSent(payload, l);
            }

            return Transmit(RtpHeader.FixedLength + payload.Length);
        }
    }

    /// <summary>A new source starts (e.g. another playback): its first packet carries the marker bit.</summary>
    public void MarkSourceChange()
    {
        lock (_lock)
        {
            _markNext = true;
        }
    }

    /// <summary>Starts an RFC 4733 event at the current point of the timeline; returns its timestamp.</summary>
    public uint BeginEvent()
    {
        lock (_lock)
        {
            BeginLocal(_time.GetTimestamp());
            _markNext = false;
            return _localTimestamp;
        }
    }

    /// <summary>Sends one telephone-event packet (all packets of an event share its timestamp).</summary>
    public bool SendEvent(in TelephoneEvent telephoneEvent, byte payloadType, uint timestamp, bool marker)
    {
        lock (_lock)
        {
            RtpHeader.WriteFixed(_buffer, marker, payloadType, _nextSequence++, timestamp, Ssrc);
            telephoneEvent.WriteTo(_buffer.AsSpan(RtpHeader.FixedLength));
            _lastTimestamp = timestamp;
            _lastFrameSamples = Math.Max(1, (int)telephoneEvent.Duration);
            _lastSentAt = _time.GetTimestamp();
            if (telephoneEvent.End)
            {
                _localTimestamp = timestamp + telephoneEvent.Duration;
                _markNext = true;
            }

            return Transmit(RtpHeader.FixedLength + TelephoneEvent.Length);
        }
    }

    /// <summary>Switches the stream to a local feeder if needed; returns whether this packet carries the marker.</summary>
    private bool BeginLocal(long now)
    {
        if (_feeder != Feeder.Local)
        {
            _feeder = Feeder.Local;
            _localTimestamp = NextTimestamp(now, _time);
            _markNext = true;
        }

        var marker = _markNext;
        _markNext = false;
        return marker;
    }

    /// <summary>The timestamp a new feeder starts at: where the timeline is now by the wall clock.</summary>
    private uint NextTimestamp(long now, TimeProvider time)
    {
        if (!_started)
        {
            _started = true;
            return _lastTimestamp;
        }

        var elapsedSamples = (long)(time.GetElapsedTime(_lastSentAt, now).TotalSeconds * 8000);
        return _lastTimestamp + (uint)Math.Clamp(elapsedSamples, _lastFrameSamples, int.MaxValue);
    }

    private bool Transmit(int length)
    {
        var target = _target;
        if (target is null || !_sendEnabled)
        {
            return false;
        }

        // Counted before the send so a snapshot taken by whoever receives the packet already includes it.
        Interlocked.Increment(ref _packetsSent);
        Interlocked.Add(ref _bytesSent, length);
        try
        {
            _socket.SendTo(_buffer.AsSpan(0, length), SocketFlags.None, target);
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Interlocked.Decrement(ref _packetsSent);
            Interlocked.Add(ref _bytesSent, -length);
            Interlocked.Increment(ref _sendErrors);
            return false;
        }
    }
}
