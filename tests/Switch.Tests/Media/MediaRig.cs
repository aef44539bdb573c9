using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Media;

namespace Switch.Tests.Media;

/// <summary>A media engine on loopback with a random port range, plus legs and phones disposed with it.</summary>
internal sealed class MediaRig : IAsyncDisposable
{
    private readonly List<MediaLeg> _legs = [];
    private readonly List<UdpPhone> _phones = [];

    public MediaRig(TimeProvider? time = null, int pairs = 100, MediaOptions? options = null,
        MediaReceiveMode receiveMode = MediaReceiveMode.Automatic, int mediaThreads = 0, IPAddress? bind = null)
    {
        Time = time ?? TimeProvider.System;
        var from = Support.UdpPortRanges.Take(2 * pairs);
        Engine = new MediaEngine(
            (options ?? new MediaOptions()) with { BindAddress = bind ?? IPAddress.Loopback, Ports = new RtpPortRange(from, from + (2 * pairs) - 1) },
            Time,
            NullLoggerFactory.Instance,
            receiveMode,
            mediaThreads);
    }

    public TimeProvider Time { get; }

    public MediaEngine Engine { get; }

    public ManualTimeProvider Manual => (ManualTimeProvider)Time;

    public MediaLeg Leg(string name = "leg", IMediaLegObserver? observer = null)
    {
        Assert.True(Engine.TryCreateLeg(name, observer, out var leg, out var error), error.ToString());
        _legs.Add(leg);
        return leg;
    }

    public UdpPhone Phone(uint ssrc = 0x11112222, IPAddress? address = null)
    {
        var phone = new UdpPhone(address ?? IPAddress.Loopback) { Ssrc = ssrc };
        _phones.Add(phone);
        return phone;
    }

    public static MediaLegSettings Settings(IPEndPoint? remote, RtpCodec codec, byte? telephoneEvent = null, bool send = true) =>
        new(remote, codec, codec.PayloadType, telephoneEvent, telephoneEvent, 20, send);

    /// <summary>
    /// Moves the manual clock on by 20 ms <paramref name="frames"/> times; after each step waits (bounded) until every
    /// media thread has run a pass that saw the new time (legs on async receive loops are ticked by the
    /// <see cref="MediaClock"/> timer inside <see cref="ManualTimeProvider.Advance(TimeSpan)"/>).
    /// </summary>
    public async Task TickAsync(int frames = 1)
    {
        for (var i = 0; i < frames; i++)
        {
            Manual.Advance(MediaClock.FrameDuration);
            await Engine.SyncMediaThreadsAsync().WaitAsync(TimeSpan.FromSeconds(2));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        foreach (var phone in _phones)
        {
            phone.Dispose();
        }
    }

    /// <summary>Waits (bounded, 2 s) for a condition that another thread makes true.</summary>
    public static Task WaitUntil(Func<bool> condition, string what) => WaitUntil(condition, () => what);

    public static async Task WaitUntil(Func<bool> condition, Func<string> what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail("timed out waiting for " + what());
            }

            await Task.Delay(2, CancellationToken.None);
        }
    }

    public static byte[] Tone(G711Law law, double frequency, int samples = 160, int offset = 0)
    {
        var pcm = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * frequency * (i + offset) / 8000));
        }

        var encoded = new byte[samples];
        G711.Encode(law, pcm, encoded);
        return encoded;
    }

    public static short[] Decode(G711Law law, IEnumerable<byte[]> payloads)
    {
        var bytes = payloads.SelectMany(p => p).ToArray();
        var pcm = new short[bytes.Length];
        G711.Decode(law, bytes, pcm);
        return pcm;
    }
}
