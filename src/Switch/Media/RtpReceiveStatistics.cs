namespace Switch.Media;

/// <summary>
/// RFC 3550 receiver bookkeeping for one leg: extended highest sequence number with wrap and restart
/// detection (A.1), expected/lost (A.3) and interarrival jitter (A.8). A new SSRC starts a new count, carrying
/// the totals. Also FreeSWITCH's arrival-interval figures (switch_rtp.c check_jitter), which FreeSWITCH reports
/// as rtp_audio_in_mean_interval and rtp_audio_in_jitter_min/max_variance: they are not RFC 3550 jitter but
/// the mean and a running variance of the gap between packet arrivals in whole milliseconds. Written by the
/// receive loop only; read racily for snapshots.
/// </summary>
internal sealed class RtpReceiveStatistics
{
    /// <summary>FreeSWITCH's JITTER_LEAD_FRAMES: arrivals ignored after a (re)start before intervals count.</summary>
    private const int IntervalLeadPackets = 10;
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int SequenceModulo = 1 << 16;

    private bool _initialized;
    private uint _ssrc;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private uint _badSequence;
    private long _received;
    private long _carriedExpected;
    private long _carriedReceived;
    private long _lastTransit;
    private bool _haveTransit;
    private long _jitterScaled;
    private int _clockRate = 8000;
    private int _intervalLead;
    private long? _lastArrivalMs;
    private long _intervals;
    private long _intervalSum;
    private long _intervalSquares;

    public long Packets;
    public long Bytes;

    public long Expected => _carriedExpected + (_initialized ? (long)(_cycles + _maxSequence) - _baseSequence + 1 : 0);

    public long Lost => Math.Max(0, Expected - (_carriedReceived + _received));

    /// <summary>Jitter in timestamp units (A.8's J).</summary>
    public double JitterUnits => _jitterScaled / 16.0;

    public double JitterMs => JitterUnits * 1000.0 / _clockRate;

    /// <summary>Mean gap between media packet arrivals, ms (FreeSWITCH's mean_interval).</summary>
    public double MeanIntervalMs { get; private set; }

    /// <summary>Smallest non-zero running variance of the arrival gap, ms² (FreeSWITCH's min_variance).</summary>
    public double MinIntervalVariance { get; private set; }

    /// <summary>Largest running variance of the arrival gap, ms² (FreeSWITCH's max_variance).</summary>
    public double MaxIntervalVariance { get; private set; }

    /// <summary>Counts a packet; <paramref name="arrivalUnits"/> is the arrival time in the stream's clock units.</summary>
    public void OnPacket(in RtpHeader header, int length, long arrivalUnits, bool measureJitter, int clockRate)
    {
        Packets++;
        Bytes += length;
        _clockRate = clockRate;
        if (!_initialized || header.Ssrc != _ssrc)
        {
            if (_initialized)
            {
                _carriedExpected = Expected;
                _carriedReceived += _received;
            }

            _ssrc = header.Ssrc;
            Restart(header.SequenceNumber);
            _haveTransit = false;
            RestartIntervals();
        }
        else if (!UpdateSequence(header.SequenceNumber))
        {
            return;
        }

        if (measureJitter)
        {
            var transit = arrivalUnits - header.Timestamp;
            if (_haveTransit)
            {
                var d = Math.Abs(transit - _lastTransit);
                if (d < int.MaxValue)
                {
                    _jitterScaled += d - ((_jitterScaled + 8) >> 4);
                }
            }

            _lastTransit = transit;
            _haveTransit = true;
            CountInterval(arrivalUnits * 1000 / clockRate);
        }
        else
        {
            // FreeSWITCH leaves a key press (telephone-event) out of the arrival intervals and starts over after it.
            RestartIntervals();
        }
    }

    /// <summary>FreeSWITCH's check_jitter, arithmetic and quirks included (the deviation is taken from the previous mean, truncated).</summary>
    private void CountInterval(long arrivalMs)
    {
        if (++_intervalLead < IntervalLeadPackets || _lastArrivalMs is not { } last)
        {
            _lastArrivalMs = arrivalMs;
            return;
        }

        var interval = Math.Abs(arrivalMs - last);
        _lastArrivalMs = arrivalMs;
        var deviation = MeanIntervalMs != 0 ? (long)(interval - MeanIntervalMs) : 0;
        _intervals++;
        _intervalSum += interval;
        _intervalSquares += deviation * deviation;
        MeanIntervalMs = (double)_intervalSum / _intervals;
        var variance = (double)_intervalSquares / _intervals;
        if (variance < MinIntervalVariance || MinIntervalVariance == 0)
        {
            MinIntervalVariance = variance;
        }

        if (variance > MaxIntervalVariance)
        {
            MaxIntervalVariance = variance;
        }
    }

    private void RestartIntervals()
    {
        _intervalLead = 0;
        _lastArrivalMs = null;
    }

    private void Restart(ushort sequence)
    {
        _initialized = true;
        _baseSequence = sequence;
        _maxSequence = sequence;
        _badSequence = SequenceModulo + 1;
        _cycles = 0;
        _received = 1;
    }

    // RFC 3550 A.1 update_seq without the probation phase (the SSRC is already validated by latching).
    private bool UpdateSequence(ushort sequence)
    {
        var delta = (ushort)(sequence - _maxSequence);
        if (delta < MaxDropout)
        {
            if (sequence < _maxSequence)
            {
                _cycles += SequenceModulo;
            }

            _maxSequence = sequence;
        }
        else if (delta <= SequenceModulo - MaxMisorder)
        {
            if (sequence == _badSequence)
            {
                _carriedExpected = Expected;
                _carriedReceived += _received;
                Restart(sequence);
                return true;
            }

            _badSequence = (uint)((sequence + 1) & (SequenceModulo - 1));
            return false;
        }

        _received++;
        return true;
    }
}
