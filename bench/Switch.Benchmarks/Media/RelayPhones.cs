using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Switch.Media;

namespace Switch.Benchmarks.Media;

/// <summary>
/// The child process of <c>relay-load</c>: the phones of N calls. Side A and side B each have a few blocking
/// loopback sockets (call i uses socket i mod K of its side). One dedicated thread sends every stream's packets
/// on a uniform schedule (2N streams × pps, spread evenly, in batches every <c>--send-batch-us</c>, default ~1 ms); one dedicated thread per socket
/// receives. Each payload carries its send time (<see cref="RtpProbe"/>), so latency = receive time − send
/// time, both read on this process's clock; only packets sent in the measured window count.
/// Protocol on stdout/stdin: prints <c>PHONES a1,a2;b1,b2</c>, reads <c>LEGS a0,a1,…;b0,b1,…</c> (the
/// switch ports per call; not read with --direct), prints <c>MEASURE</c> and <c>SENT</c> around the measured
/// window and a final <c>RESULT key=value …</c>.
/// </summary>
internal sealed class RelayPhones
{
    private const int HeaderLength = RtpHeader.FixedLength;
    private const int PacketLength = HeaderLength + 160;

    private readonly RelayLoadOptions _options;
    private readonly Socket[] _sideA;
    private readonly Socket[] _sideB;
    private readonly ManualResetEventSlim _stop = new();
    private readonly long _frequency = Stopwatch.Frequency;
    private readonly List<PhoneReceiver> _receivers = [];
    private long _measureFrom = long.MaxValue;
    private long _measureTo = long.MaxValue;
    private long _sentMeasured;
    private long _sendErrors;
    private long _maxBacklog;
    private Action? _onMeasure;
    private Action? _onSent;

    private RelayPhones(RelayLoadOptions options)
    {
        _options = options;
        _sideA = Enumerable.Range(0, options.PhoneSockets).Select(_ => Bind()).ToArray();
        _sideB = Enumerable.Range(0, options.PhoneSockets).Select(_ => Bind()).ToArray();
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!RelayLoadOptions.TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        var phones = new RelayPhones(options);
        try
        {
            return await phones.RunAsync();
        }
        finally
        {
            phones.Dispose();
        }
    }

    private async Task<int> RunAsync()
    {
        Console.WriteLine($"PHONES {Ports(_sideA)};{Ports(_sideB)}");
        var calls = _options.Calls;
        var targetsA = new SocketAddress[calls];
        var targetsB = new SocketAddress[calls];
        if (_options.Direct)
        {
            for (var call = 0; call < calls; call++)
            {
                targetsA[call] = _sideB[call % _sideB.Length].LocalEndPoint!.Serialize();
                targetsB[call] = _sideA[call % _sideA.Length].LocalEndPoint!.Serialize();
            }
        }
        else
        {
            var line = await Console.In.ReadLineAsync();
            if (line is null || !line.StartsWith("LEGS ", StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync("expected LEGS, got: " + line);
                return 2;
            }

            var sides = line[5..].Split(';');
            var legsA = sides[0].Split(',');
            var legsB = sides[1].Split(',');
            for (var call = 0; call < calls; call++)
            {
                targetsA[call] = new IPEndPoint(IPAddress.Loopback, int.Parse(legsA[call], CultureInfo.InvariantCulture)).Serialize();
                targetsB[call] = new IPEndPoint(IPAddress.Loopback, int.Parse(legsB[call], CultureInfo.InvariantCulture)).Serialize();
            }
        }

        // Side A speaks PCMU; side B PCMA when the switch transcodes. The probe alphabets follow the law seen at
        // each receiving end.
        var lawB = _options.Transcode ? G711Law.ALaw : G711Law.MuLaw;
        var towardB = new RtpProbe(G711Law.MuLaw, _options.Direct ? G711Law.MuLaw : lawB);
        var towardA = new RtpProbe(lawB, _options.Direct ? lawB : G711Law.MuLaw);
        var expectedMeasured = ((long)_options.OfferedRate * _options.Seconds * 11 / 10) + 10_000;
        var sockets = _sideA.Select(s => (s, towardA)).Concat(_sideB.Select(s => (s, towardB))).ToArray();
        (long, long) Window() => (Volatile.Read(ref _measureFrom), Volatile.Read(ref _measureTo));
        bool Stopping() => _stop.IsSet;
        if (_options.PollMicros > 0)
        {
            _receivers.Add(new PhoneReceiver(sockets, _options.PollMicros, expectedMeasured, Window, Stopping));
        }
        else
        {
            _receivers.AddRange(sockets.Select(s => new PhoneReceiver([s], 0, expectedMeasured, Window, Stopping)));
        }

        foreach (var receiver in _receivers)
        {
            receiver.Start();
        }

        var sender = new Thread(() => Send(targetsA, targetsB, towardB, towardA, lawB)) { IsBackground = true, Name = "phones-send" };
        var process = Process.GetCurrentProcess();
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var measuring = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _onMeasure = () => measuring.TrySetResult();
        _onSent = () => sent.TrySetResult();
        sender.Start();

        await measuring.Task;
        var cpuBefore = process.TotalProcessorTime;
        var udpBefore = UdpCounters.Read();
        Console.WriteLine("MEASURE");
        await sent.Task;
        Console.WriteLine("SENT");
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        // Drain: until nothing more arrives for 500 ms (at most 5 s).
        var deadline = Stopwatch.GetTimestamp() + (5 * _frequency);
        var last = -1L;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var now = _receivers.Sum(r => r.Total);
            if (now == last)
            {
                break;
            }

            last = now;
            await Task.Delay(500);
        }

        var udpAfter = UdpCounters.Read();
        _stop.Set();
        foreach (var receiver in _receivers)
        {
            receiver.Join();
        }

        Console.WriteLine(Result(cpu, udpAfter - udpBefore));
        return 0;
    }

    private void Send(SocketAddress[] targetsA, SocketAddress[] targetsB, RtpProbe towardB, RtpProbe towardA, G711Law lawB)
    {
        var calls = _options.Calls;
        var streams = 2 * calls;
        var slotsPerSecond = (long)streams * _options.PacketsPerSecond;
        var totalSlots = slotsPerSecond * (_options.WarmupSeconds + _options.Seconds);
        var packet = new byte[PacketLength];
        var payloadTypeB = lawB == G711Law.ALaw ? (byte)8 : (byte)0;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (_options.WarmupSeconds * _frequency);
        var measureTo = measureFrom + (_options.Seconds * _frequency);
        Volatile.Write(ref _measureFrom, measureFrom);
        Volatile.Write(ref _measureTo, measureTo);
        var measuring = false;
        long slot = 0;
        while (slot < totalSlots)
        {
            var now = Stopwatch.GetTimestamp();
            if (!measuring && now >= measureFrom)
            {
                measuring = true;
                _onMeasure?.Invoke();
            }

            var due = Math.Min(totalSlots, ((now - start) * slotsPerSecond / _frequency) + 1);
            _maxBacklog = Math.Max(_maxBacklog, due - slot);
            for (; slot < due; slot++)
            {
                var stream = (int)(slot % streams);
                var round = slot / streams;
                var call = stream >> 1;
                var fromA = (stream & 1) == 0;
                RtpHeader.WriteFixed(packet, false, fromA ? (byte)0 : payloadTypeB, (ushort)round, (uint)(round * 160), (uint)stream + 1);
                var sentAt = Stopwatch.GetTimestamp();
                (fromA ? towardB : towardA).Write(packet.AsSpan(HeaderLength), sentAt, stream);
                var socket = fromA ? _sideA[call % _sideA.Length] : _sideB[call % _sideB.Length];
                try
                {
                    socket.SendTo(packet, SocketFlags.None, fromA ? targetsA[call] : targetsB[call]);
                    if (sentAt >= measureFrom && sentAt < measureTo)
                    {
                        _sentMeasured++;
                    }
                }
                catch (SocketException)
                {
                    _sendErrors++;
                }
            }

            if (slot < totalSlots)
            {
                if (_options.SendBatchMicros >= 1000)
                {
                    _stop.Wait(_options.SendBatchMicros / 1000);
                }
                else
                {
                    _ = usleep((uint)_options.SendBatchMicros);
                }
            }
        }

        _onSent?.Invoke();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int usleep(uint microseconds);

    private string Result(TimeSpan cpu, UdpCounters udp)
    {
        var latencies = new long[_receivers.Sum(r => r.LatencyCount)];
        var offset = 0;
        foreach (var receiver in _receivers)
        {
            receiver.CopyLatencies(latencies.AsSpan(offset));
            offset += receiver.LatencyCount;
        }

        Array.Sort(latencies);
        double Micros(double quantile) => latencies.Length == 0 ? 0
            : latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * quantile))] * 1_000_000.0 / _frequency;
        var received = latencies.Length;
        var inv = CultureInfo.InvariantCulture;
        return string.Create(inv,
            $"RESULT sent={_sentMeasured} received={received} lost={_sentMeasured - received} " +
            $"rate={_sentMeasured / (double)_options.Seconds:F0} p50us={Micros(0.5):F0} p90us={Micros(0.9):F0} " +
            $"p99us={Micros(0.99):F0} p999us={Micros(0.999):F0} maxus={Micros(1):F0} " +
            $"phonescpu={cpu.TotalSeconds / _options.Seconds:F2} backlog={_maxBacklog} senderrors={_sendErrors} " +
            $"foreign={_receivers.Sum(r => r.Foreign)} udprcvbuferrors={udp.ReceiveBufferErrors} udpsndbuferrors={udp.SendBufferErrors}");
    }

    private static string Ports(Socket[] sockets) =>
        string.Join(',', sockets.Select(s => ((IPEndPoint)s.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture)));

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
        {
            ReceiveBufferSize = 4 * 1024 * 1024,
            SendBufferSize = 4 * 1024 * 1024,
            ReceiveTimeout = 100,
        };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private void Dispose()
    {
        foreach (var socket in _sideA.Concat(_sideB))
        {
            socket.Dispose();
        }

        _stop.Dispose();
    }

    /// <summary>The kernel's UDP counters (all processes) from /proc/net/snmp; zero where unavailable.</summary>
    private readonly record struct UdpCounters(long ReceiveBufferErrors, long SendBufferErrors)
    {
        public static UdpCounters operator -(UdpCounters a, UdpCounters b) =>
            new(a.ReceiveBufferErrors - b.ReceiveBufferErrors, a.SendBufferErrors - b.SendBufferErrors);

        public static UdpCounters Read()
        {
            try
            {
                var lines = File.ReadAllLines("/proc/net/snmp").Where(l => l.StartsWith("Udp: ", StringComparison.Ordinal)).ToArray();
                if (lines.Length < 2)
                {
                    return default;
                }

                var names = lines[0].Split(' ');
                var values = lines[1].Split(' ');
                long Field(string name) => Array.IndexOf(names, name) is var i and > 0 ? long.Parse(values[i], CultureInfo.InvariantCulture) : 0;
                return new UdpCounters(Field("RcvbufErrors"), Field("SndbufErrors"));
            }
            catch (IOException)
            {
                return default;
            }
        }
    }
}
