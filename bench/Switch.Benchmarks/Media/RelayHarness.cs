using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Media;

namespace Switch.Benchmarks.Media;

/// <summary>
/// N bridged call pairs on loopback: a media engine with 2N legs (one media thread when epoll) and, on each side,
/// a few "phone" sockets (several, so the kernel receive buffers absorb a burst) that send G.711 packets to the
/// legs and count what the relay delivers.
/// </summary>
internal sealed class RelayHarness : IAsyncDisposable
{
    private const int SocketsPerSide = 16;

    private readonly Socket[] _sideA = new Socket[SocketsPerSide];
    private readonly Socket[] _sideB = new Socket[SocketsPerSide];
    private readonly SocketAddress[] _toA;
    private readonly SocketAddress[] _toB;
    private readonly SocketAddress[] _directToA;
    private readonly SocketAddress[] _directToB;
    private readonly byte[] _packet = new byte[172];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private long _received;
    private long _target = long.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ushort _sequence;

    public RelayHarness(int calls, bool transcode, MediaReceiveMode receive)
    {
        Calls = calls;
        var from = 20000 + (2 * Random.Shared.Next(0, 5000));
        Engine = new MediaEngine(
            new MediaOptions { BindAddress = IPAddress.Loopback, Ports = new RtpPortRange(from, from + (4 * calls) + 200) },
            TimeProvider.System,
            NullLoggerFactory.Instance,
            receive,
            mediaThreads: 1);
        for (var i = 0; i < SocketsPerSide; i++)
        {
            _sideA[i] = Bind();
            _sideB[i] = Bind();
        }

        _directToA = _sideA.Select(socket => socket.LocalEndPoint!.Serialize()).ToArray();
        _directToB = _sideB.Select(socket => socket.LocalEndPoint!.Serialize()).ToArray();
        _toA = new SocketAddress[calls];
        _toB = new SocketAddress[calls];
        for (var call = 0; call < calls; call++)
        {
            if (!Engine.TryCreateLeg($"a{call}", null, out var a, out var error) || !Engine.TryCreateLeg($"b{call}", null, out var b, out error))
            {
                throw new InvalidOperationException("cannot create legs: " + error);
            }

            a.Configure(new MediaLegSettings((IPEndPoint)_sideA[call % SocketsPerSide].LocalEndPoint!, RtpCodec.Pcmu, 0, 101, 101));
            var codecB = transcode ? RtpCodec.Pcma : RtpCodec.Pcmu;
            b.Configure(new MediaLegSettings((IPEndPoint)_sideB[call % SocketsPerSide].LocalEndPoint!, codecB, codecB.PayloadType, 101, 101));
            MediaBridge.Connect(a, b);
            _toA[call] = a.LocalEndPoint.Serialize();
            _toB[call] = b.LocalEndPoint.Serialize();
        }

        foreach (var socket in _sideA)
        {
            _loops.Add(Task.Run(() => ReceiveLoop(socket)));
        }

        foreach (var socket in _sideB)
        {
            _loops.Add(Task.Run(() => ReceiveLoop(socket)));
        }

        _packet[0] = 0x80;
    }

    public int Calls { get; }

    public MediaEngine Engine { get; }

    public long Received => Interlocked.Read(ref _received);

    /// <summary>One packet per call in each direction (2N datagrams into the switch).</summary>
    public void SendRound()
    {
        var sequence = ++_sequence;
        for (var call = 0; call < Calls; call++)
        {
            Send(_sideA[call % SocketsPerSide], _toA[call], call, sequence);
            Send(_sideB[call % SocketsPerSide], _toB[call], call, sequence);
        }
    }

    /// <summary>The same 2N datagrams sent phone to phone without the switch: the harness's own cost.</summary>
    public void SendDirectRound()
    {
        var sequence = ++_sequence;
        for (var call = 0; call < Calls; call++)
        {
            Send(_sideA[call % SocketsPerSide], _directToB[call % SocketsPerSide], call, sequence);
            Send(_sideB[call % SocketsPerSide], _directToA[call % SocketsPerSide], call, sequence);
        }
    }

    public Task WhenReceived(long count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _reached, reached);
        Volatile.Write(ref _target, count);
        if (Received >= count)
        {
            reached.TrySetResult();
        }

        return reached.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var socket in _sideA.Concat(_sideB))
        {
            socket.Dispose();
        }

        await Task.WhenAll(_loops);
        await Engine.DisposeAsync();
        _stop.Dispose();
    }

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 * 1024 * 1024 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private void Send(Socket socket, SocketAddress to, int call, ushort sequence)
    {
        var packet = _packet.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], sequence * 160u);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], (uint)call + 1);
        socket.SendTo(packet, SocketFlags.None, to);
    }

    private async Task ReceiveLoop(Socket socket)
    {
        var buffer = new byte[2048];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        try
        {
            while (true)
            {
                await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, _stop.Token);
                if (Interlocked.Increment(ref _received) >= Volatile.Read(ref _target))
                {
                    Volatile.Read(ref _reached).TrySetResult();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }
}
