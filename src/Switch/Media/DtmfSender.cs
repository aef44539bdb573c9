namespace Switch.Media;

/// <summary>
/// Sends queued digits one clock frame at a time: as RFC 4733 events (a packet every 20 ms with the same
/// timestamp and a growing duration, marker on the first, the end packet sent three times) when the leg
/// negotiated telephone-event, else as in-band DTMF tones; then a 50 ms pause before the next digit. Used
/// under the owning leg's clock lock.
/// </summary>
internal sealed class DtmfSender
{
    public const int DefaultDurationMs = 100;
    public const int MinDurationMs = 40;
    public const int MaxDurationMs = 8000;
    private const int EndRepeats = 3;
    private const int GapFrames = 3;
    private const byte Volume = 10;

    private static readonly double[] s_rows = [697, 770, 852, 941];
    private static readonly double[] s_columns = [1209, 1336, 1477, 1633];

    private readonly Queue<(byte Event, char Digit, int DurationSamples)> _queue = new();
    private bool _inEvent;
    private byte _event;
    private int _duration;
    private int _elapsed;
    private int _endsSent;
    private uint _timestamp;
    private int _gapFrames;
    private ToneSource? _inband;

    /// <summary>True while a digit is being sent or queued (including the pause after it).</summary>
    public bool IsBusy => _inEvent || _queue.Count > 0 || _gapFrames > 0;

    /// <summary>Queues valid digits (0-9 * # A-D); others are skipped. Returns how many were queued.</summary>
    public int Enqueue(ReadOnlySpan<char> digits, int durationMs)
    {
        var duration = Math.Clamp(durationMs, MinDurationMs, MaxDurationMs) * 8;
        var queued = 0;
        foreach (var digit in digits)
        {
            if (TelephoneEvent.TryGetEventCode(digit, out var code) && code != TelephoneEvent.Flash)
            {
                _queue.Enqueue((code, digit, duration));
                queued++;
            }
        }

        return queued;
    }

    public void Clear(RtpOutput output)
    {
        _queue.Clear();
        if (_inEvent)
        {
            _inEvent = false;
            output.MuteRelay(false);
        }

        _inband?.Dispose();
        _inband = null;
        _gapFrames = 0;
    }

    /// <summary>Uses this frame to send DTMF if there is any; false leaves the frame to playback.</summary>
    public bool Step(RtpOutput output, MediaLegSettings? settings)
    {
        if (!_inEvent)
        {
            if (_gapFrames > 0)
            {
                _gapFrames--;
                return false;
            }

            if (!_queue.TryDequeue(out var next))
            {
                return false;
            }

            _inEvent = true;
            _event = next.Event;
            _duration = next.DurationSamples;
            _elapsed = 0;
            _endsSent = 0;
            output.MuteRelay(true);
            if (settings?.TelephoneEventPayloadType is null)
            {
                _inband = new ToneSource(new ToneSpec([new ToneSegment(_duration / 8, 0, ToneFrequencies(_event), -7)], 1));
            }
            else
            {
                _timestamp = output.BeginEvent();
            }
        }

        if (_inband is not null)
        {
            SendInband(output, settings);
        }
        else if (settings?.TelephoneEventPayloadType is { } payloadType)
        {
            SendEventPacket(output, payloadType);
        }
        else
        {
            Finish(output);
        }

        return true;
    }

    private void SendEventPacket(RtpOutput output, byte payloadType)
    {
        if (_elapsed < _duration)
        {
            var first = _elapsed == 0;
            _elapsed = Math.Min(_elapsed + MediaClock.SamplesPerFrame, _duration);
            output.SendEvent(new TelephoneEvent(_event, false, Volume, (ushort)Math.Min(_elapsed, ushort.MaxValue)), payloadType, _timestamp, first);
            return;
        }

        output.SendEvent(new TelephoneEvent(_event, true, Volume, (ushort)Math.Min(_duration, ushort.MaxValue)), payloadType, _timestamp, false);
        if (++_endsSent >= EndRepeats)
        {
            Finish(output);
        }
    }

    private void SendInband(RtpOutput output, MediaLegSettings? settings)
    {
        Span<short> samples = stackalloc short[MediaClock.SamplesPerFrame];
        var read = _inband!.Read(samples);
        if (read > 0 && settings?.Codec.Law is { } law)
        {
            Span<byte> payload = stackalloc byte[MediaClock.SamplesPerFrame];
            G711.Encode(law, samples, payload);
            output.SendLocal(payload, settings.Codec.PayloadType, law);
        }

        if (read < samples.Length)
        {
            _inband.Dispose();
            _inband = null;
            Finish(output);
        }
    }

    private void Finish(RtpOutput output)
    {
        _inEvent = false;
        _gapFrames = GapFrames;
        output.MuteRelay(false);
    }

    private static double[] ToneFrequencies(byte eventCode)
    {
        // Keypad layout: 1 2 3 A / 4 5 6 B / 7 8 9 C / * 0 # D.
        var (row, column) = eventCode switch
        {
            0 => (3, 1),
            >= 1 and <= 9 => ((eventCode - 1) / 3, (eventCode - 1) % 3),
            10 => (3, 0),
            11 => (3, 2),
            _ => (eventCode - 12, 3),
        };
        return [s_rows[row], s_columns[column]];
    }
}
