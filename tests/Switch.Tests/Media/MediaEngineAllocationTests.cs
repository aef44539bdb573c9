using System.Net;
using System.Net.Sockets;
using Switch.Media;

namespace Switch.Tests.Media;

/// <summary>
/// Leg allocation when ports run out or another process holds some of the range (the test holds them with
/// its own UDP sockets): skipped and set aside, retried, the failure reported with the right error, warned
/// about once per interval instead of once per port per call.
/// </summary>
public sealed class MediaEngineAllocationTests
{
    private const int BindWarning = 20;
    private const int ExhaustedWarning = 21;

    [Fact]
    public async Task Held_ports_are_set_aside_and_the_leg_binds_the_next_free_port_with_one_warning()
    {
        await using var rig = Rig.Start(pairs: 4, heldPairs: [0, 1, 2]);

        var leg = rig.CreateLeg();

        Assert.Equal(rig.RtpPort(3), leg.LocalPort);
        Assert.Equal((0, 1, 3), (rig.Engine.Ports.Available, rig.Engine.Ports.InUse, rig.Engine.Ports.SetAsideCount));
        var warning = Assert.Single(rig.Logs.Entries, e => e.EventId == BindWarning);
        Assert.Contains($"127.0.0.1:{rig.RtpPort(0)}", warning.Message, StringComparison.Ordinal);
        Assert.Contains("AddressAlreadyInUse", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_held_block_is_walked_past_rather_than_refusing_a_leg_while_a_port_is_free()
    {
        await using var rig = Rig.Start(pairs: 100, heldPairs: [.. Enumerable.Range(0, 90)]);

        var leg = rig.CreateLeg();

        Assert.Equal(rig.RtpPort(90), leg.LocalPort);
        Assert.Equal(90, rig.Engine.Ports.SetAsideCount);
        Assert.Single(rig.Logs.Entries, e => e.EventId == BindWarning);
        Assert.DoesNotContain(rig.Logs.Entries, e => e.EventId == ExhaustedWarning);
    }

    [Fact]
    public async Task With_nothing_bindable_left_the_leg_fails_with_BindFailed_and_the_warnings_are_aggregated()
    {
        await using var rig = Rig.Start(pairs: 3, heldPairs: [0, 1]);
        rig.CreateLeg();

        for (var call = 0; call < 5; call++)
        {
            Assert.False(rig.Engine.TryCreateLeg("refused", null, out var none, out var error));
            Assert.Null(none);
            Assert.Equal(MediaLegError.BindFailed, error);
        }

        Assert.Equal((0, 1, 2), (rig.Engine.Ports.Available, rig.Engine.Ports.InUse, rig.Engine.Ports.SetAsideCount));
        Assert.Single(rig.Logs.Entries, e => e.EventId == BindWarning);
        Assert.Single(rig.Logs.Entries, e => e.EventId == ExhaustedWarning);

        // The next interval: one line each, counting what happened since the last one.
        rig.Clock.Advance(RtpPortPoolWarnings.DefaultInterval);
        Assert.False(rig.Engine.TryCreateLeg("refused", null, out _, out _));
        var reports = rig.Logs.Entries.Where(e => e.EventId == ExhaustedWarning).ToArray();
        Assert.Equal(2, reports.Length);
        Assert.Contains("legs refused since the last report: 5", reports[1].Message, StringComparison.Ordinal);
        Assert.Equal(2, rig.Logs.Entries.Count(e => e.EventId == BindWarning));
    }

    [Fact]
    public async Task A_port_let_go_by_its_holder_is_bound_at_once_when_nothing_else_is_free()
    {
        await using var rig = Rig.Start(pairs: 2, heldPairs: [0]);
        rig.CreateLeg();
        Assert.False(rig.Engine.TryCreateLeg("refused", null, out _, out var error));
        Assert.Equal(MediaLegError.BindFailed, error);

        rig.LetGo(0);
        var leg = rig.CreateLeg();

        Assert.Equal(rig.RtpPort(0), leg.LocalPort);
        Assert.Equal((0, 2, 0), (rig.Engine.Ports.Available, rig.Engine.Ports.InUse, rig.Engine.Ports.SetAsideCount));
    }

    [Fact]
    public async Task A_range_in_use_fails_with_PortsExhausted_until_a_leg_is_disposed()
    {
        await using var rig = Rig.Start(pairs: 2, heldPairs: []);
        var first = rig.CreateLeg();
        rig.CreateLeg();

        Assert.False(rig.Engine.TryCreateLeg("refused", null, out _, out var error));
        Assert.Equal(MediaLegError.PortsExhausted, error);
        Assert.False(rig.Engine.TryCreateLeg("refused", null, out _, out _));
        Assert.Single(rig.Logs.Entries, e => e.EventId == ExhaustedWarning);
        Assert.DoesNotContain(rig.Logs.Entries, e => e.EventId == BindWarning);

        await first.DisposeAsync();
        var again = rig.CreateLeg();
        Assert.Equal(first.LocalPort, again.LocalPort);
    }

    [Fact]
    public async Task Failed_binds_do_not_shrink_the_pool()
    {
        await using var rig = Rig.Start(pairs: 4, heldPairs: [1, 2]);
        var legs = new[] { rig.CreateLeg(), rig.CreateLeg() };
        Assert.Equal(2, rig.Engine.Ports.SetAsideCount);

        foreach (var leg in legs)
        {
            await leg.DisposeAsync();
        }
        rig.LetGo(1);
        rig.LetGo(2);
        rig.Clock.Advance(rig.Engine.Ports.RetryAfter);

        Assert.Equal((4, 0, 0), (rig.Engine.Ports.Available, rig.Engine.Ports.InUse, rig.Engine.Ports.SetAsideCount));
        var all = Enumerable.Range(0, 4).Select(_ => rig.CreateLeg().LocalPort).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 4).Select(rig.RtpPort), all);
    }

    /// <summary>An engine on a loopback range the test checked is free, with some RTP ports held by the test's own sockets.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly Dictionary<int, Socket> _held = [];
        private readonly List<MediaLeg> _legs = [];

        private Rig(int from, int pairs, IEnumerable<int> heldPairs)
        {
            From = from;
            Clock = new ManualTimeProvider();
            Logs = new ListLoggerFactory();
            Engine = new MediaEngine(new MediaOptions { BindAddress = IPAddress.Loopback, Ports = new RtpPortRange(from, from + (2 * pairs) - 1) },
                Clock, Logs);
            foreach (var index in heldPairs)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, RtpPort(index)));
                _held[index] = socket;
            }
        }

        public int From { get; }
        public ManualTimeProvider Clock { get; }
        public ListLoggerFactory Logs { get; }
        public MediaEngine Engine { get; }

        public static Rig Start(int pairs, int[] heldPairs) => new(Support.UdpPortRanges.Take(2 * pairs), pairs, heldPairs);

        public int RtpPort(int pair) => From + (2 * pair);

        public MediaLeg CreateLeg()
        {
            Assert.True(Engine.TryCreateLeg("leg", null, out var leg, out var error), error.ToString());
            _legs.Add(leg);
            return leg;
        }

        /// <summary>The "other process" lets go of a port.</summary>
        public void LetGo(int pair)
        {
            _held[pair].Dispose();
            _held.Remove(pair);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var leg in _legs)
            {
                await leg.DisposeAsync();
            }
            await Engine.DisposeAsync();
            foreach (var socket in _held.Values)
            {
                socket.Dispose();
            }
        }
    }
}
