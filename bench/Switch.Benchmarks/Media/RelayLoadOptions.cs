using System.Globalization;
using Switch.Media;

namespace Switch.Benchmarks.Media;

/// <summary>Arguments of <c>relay-load</c> (and the subset its child <c>relay-phones</c> gets).</summary>
internal sealed record RelayLoadOptions
{
    public const string Usage =
        """
        relay-load [--calls 1000] [--seconds 10] [--warmup 3] [--pps 50] [--phone-sockets 2] [--transcode]
                   [--direct] [--poll-us 50] [--receive automatic|epoll|async] [--media-threads 0] [--phones-cpu N]
                   [--realtime] [--phones-realtime] [--no-residence] [--send-batch-us 1000]
          Bridged G.711 calls through a MediaEngine in this process; the phones (RTP senders and receivers) run
          in a child process on their own threads with blocking sockets, pinned to CPU N with taskset if given.
          --pps is per call and direction (1,000 calls x 2 x 50 = 100,000 packets/s). --direct: phone to phone,
          no switch (the harness's own latency). --poll-us: the phones' one receive thread polls all their
          sockets with this pause (0 = a blocking thread per socket, which makes the relay pay for waking it). --receive/--media-threads: how the switch receives RTP
          (0 = MediaEngine.DefaultMediaThreads). --realtime: media threads under SCHED_FIFO (MediaOptions.RealtimePriority).
          --phones-realtime: the phones' process under SCHED_FIFO too (chrt -f 10), so that on a busy host the
          harness is not starved by other work (or by a real-time relay) and keeps the offered rate.
          --send-batch-us: the sender's pause between batches (1000 = ~1 ms batches of 100 packets at 100k/s;
          smaller spreads the packets more evenly, closer to many independent phones).
          --no-residence: skip the relay residence probe (one ioctl per packet on the media threads).
          Prints one line per run: delivery, latency end to end and inside the relay, CPU of each side.
        """;

    public int Calls { get; init; } = 1000;

    public int Seconds { get; init; } = 10;

    public int WarmupSeconds { get; init; } = 3;

    public int PacketsPerSecond { get; init; } = 50;

    public int PhoneSockets { get; init; } = 2;

    public bool Transcode { get; init; }

    /// <summary>Pause of the phones' polling receive thread; 0 = one blocking thread per phone socket.</summary>
    public int PollMicros { get; init; } = 50;

    public bool Direct { get; init; }

    public MediaReceiveMode Receive { get; init; } = MediaReceiveMode.Automatic;

    public int MediaThreads { get; init; }

    public int? PhonesCpu { get; init; }

    /// <summary>Media threads under SCHED_FIFO.</summary>
    public bool Realtime { get; init; }

    /// <summary>The phones' sender pauses this long between batches.</summary>
    public int SendBatchMicros { get; init; } = 1000;

    /// <summary>The phones' process under SCHED_FIFO (chrt).</summary>
    public bool PhonesRealtime { get; init; }

    /// <summary>Measure the relay's own residence time per packet (<see cref="ResidenceProbe"/>).</summary>
    public bool Residence { get; init; } = true;

    /// <summary>Packets per second into the switch (both directions).</summary>
    public int OfferedRate => 2 * Calls * PacketsPerSecond;

    public static bool TryParse(IReadOnlyList<string> args, out RelayLoadOptions options, out string? error)
    {
        options = new RelayLoadOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : "";
            bool Int(out int value) => int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
            int value;
            switch (name)
            {
                case "--calls" when Int(out value) && value is > 0 and <= 8000:
                    options = options with { Calls = value };
                    break;
                case "--seconds" when Int(out value) && value > 0:
                    options = options with { Seconds = value };
                    break;
                case "--warmup" when Int(out value):
                    options = options with { WarmupSeconds = value };
                    break;
                case "--pps" when Int(out value) && value > 0:
                    options = options with { PacketsPerSecond = value };
                    break;
                case "--phone-sockets" when Int(out value) && value is > 0 and <= 64:
                    options = options with { PhoneSockets = value };
                    break;
                case "--phones-cpu" when Int(out value):
                    options = options with { PhonesCpu = value };
                    break;
                case "--media-threads" when Int(out value) && value is >= 0 and <= 64:
                    options = options with { MediaThreads = value };
                    break;
                case "--receive" when Enum.TryParse<MediaReceiveMode>(Next(), true, out var mode):
                    options = options with { Receive = mode };
                    break;
                case "--poll-us" when Int(out value) && value is >= 0 and <= 10000:
                    options = options with { PollMicros = value };
                    break;
                case "--transcode":
                    options = options with { Transcode = true };
                    break;
                case "--realtime":
                    options = options with { Realtime = true };
                    break;
                case "--send-batch-us" when Int(out value) && value is >= 10 and <= 20000:
                    options = options with { SendBatchMicros = value };
                    break;
                case "--phones-realtime":
                    options = options with { PhonesRealtime = true };
                    break;
                case "--no-residence":
                    options = options with { Residence = false };
                    break;
                case "--direct":
                    options = options with { Direct = true };
                    break;
                default:
                    error = $"bad or unknown argument '{name}'";
                    return false;
            }
        }

        return true;
    }

    /// <summary>The arguments that describe the traffic (what the child needs).</summary>
    public IEnumerable<string> TrafficArguments()
    {
        yield return "--calls";
        yield return Calls.ToString(CultureInfo.InvariantCulture);
        yield return "--seconds";
        yield return Seconds.ToString(CultureInfo.InvariantCulture);
        yield return "--warmup";
        yield return WarmupSeconds.ToString(CultureInfo.InvariantCulture);
        yield return "--pps";
        yield return PacketsPerSecond.ToString(CultureInfo.InvariantCulture);
        yield return "--phone-sockets";
        yield return PhoneSockets.ToString(CultureInfo.InvariantCulture);
        yield return "--poll-us";
        yield return PollMicros.ToString(CultureInfo.InvariantCulture);
        yield return "--send-batch-us";
        yield return SendBatchMicros.ToString(CultureInfo.InvariantCulture);
        if (Transcode)
        {
            yield return "--transcode";
        }

        if (Direct)
        {
            yield return "--direct";
        }
    }
}
