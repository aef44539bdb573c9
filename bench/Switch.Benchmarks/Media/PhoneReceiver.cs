using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Switch.Media;

namespace Switch.Benchmarks.Media;

/// <summary>
/// A receive thread of <see cref="RelayPhones"/>: counts packets and keeps the latency of those sent in the
/// measured window. Blocking (one thread per socket, woken by the kernel per datagram or batch) or polling (one
/// thread for all sockets: drain each non-blocking socket, then sleep <c>pollMicros</c>). Polling adds up to
/// about the poll interval to the measured latency but spares the sender of each datagram — the relay — the cost
/// of waking a sleeping receiver on another CPU, which real phones across a network never charge it.
/// </summary>
internal sealed class PhoneReceiver
{
    private readonly (Socket Socket, RtpProbe Probe)[] _sockets;
    private readonly Func<(long From, long To)> _window;
    private readonly Func<bool> _stopping;
    private readonly int _pollMicros;
    private readonly long[] _latencies;
    private readonly Thread _thread;
    private long _total;

    /// <param name="sockets">The sockets this thread reads and the probe decoding each one's payloads.</param>
    /// <param name="pollMicros">0: block on the one socket; else poll all sockets with this pause.</param>
    public PhoneReceiver((Socket Socket, RtpProbe Probe)[] sockets, int pollMicros, long capacity,
        Func<(long From, long To)> window, Func<bool> stopping)
    {
        if (pollMicros == 0 && sockets.Length != 1)
        {
            throw new ArgumentException("a blocking receiver reads one socket", nameof(sockets));
        }

        _sockets = sockets;
        _pollMicros = pollMicros;
        _window = window;
        _stopping = stopping;
        _latencies = new long[capacity];
        _thread = new Thread(static state => ((PhoneReceiver)state!).Run()) { IsBackground = true, Name = "phones-receive" };
        foreach (var (socket, _) in sockets)
        {
            socket.Blocking = pollMicros == 0;
        }
    }

    public long Total => Volatile.Read(ref _total);

    public int LatencyCount { get; private set; }

    public long Foreign { get; private set; }

    public void Start() => _thread.Start(this);

    public void Join() => _thread.Join();

    public void CopyLatencies(Span<long> destination) => _latencies.AsSpan(0, LatencyCount).CopyTo(destination);

    private void Run()
    {
        var buffer = new byte[2048];
        while (!_stopping())
        {
            var any = false;
            foreach (var (socket, probe) in _sockets)
            {
                while (true)
                {
                    var length = socket.Receive(buffer, SocketFlags.None, out var error);
                    if (error != SocketError.Success)
                    {
                        break;
                    }

                    any = true;
                    OnDatagram(buffer.AsSpan(0, length), probe);
                    if (_pollMicros == 0)
                    {
                        break;
                    }
                }
            }

            if (_pollMicros > 0 && !any)
            {
                _ = usleep((uint)_pollMicros);
            }
        }
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram, RtpProbe probe)
    {
        var now = Stopwatch.GetTimestamp();
        Volatile.Write(ref _total, _total + 1);
        var headerLength = RtpHeader.FixedLength + (4 * (datagram[0] & 0x0F));
        if (datagram.Length < headerLength + RtpProbe.Length || !probe.TryRead(datagram[headerLength..], out var sentAt, out _))
        {
            Foreign++;
            return;
        }

        var (from, to) = _window();
        if (sentAt >= from && sentAt < to && LatencyCount < _latencies.Length)
        {
            _latencies[LatencyCount++] = now - sentAt;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int usleep(uint microseconds);
}
