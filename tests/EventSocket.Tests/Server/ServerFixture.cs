using System.Net;

namespace Switch.EventSocket.Tests.Server;

/// <summary>An <see cref="EslServer"/> on 127.0.0.1 port 0 over a <see cref="FakeSwitch"/>.</summary>
internal sealed class ServerFixture : IAsyncDisposable
{
    private ServerFixture(EslServer server, FakeSwitch fake, EslServerOptions options)
    {
        Server = server;
        Switch = fake;
        Options = options;
    }

    public EslServer Server { get; }

    public FakeSwitch Switch { get; }

    public EslServerOptions Options { get; }

    public EndPoint EndPoint => Server.LocalEndPoint!;

    public static async Task<ServerFixture> StartAsync(Action<EslServerOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new EslServerOptions { ListenAddress = "127.0.0.1", Port = 0, FailedAuthDelay = TimeSpan.Zero };
        configure?.Invoke(options);
        var fake = new FakeSwitch();
        var server = new EslServer(options, fake, fake, fake, timeProvider: time);
        await server.StartAsync(CancellationToken.None);
        return new ServerFixture(server, fake, options);
    }

    public Task<RawClient> LoginAsync() => RawClient.LoginAsync(Server);

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow + RawClient.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting: " + because);
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
