using System.Net;
using System.Net.Sockets;

namespace Switch.Client.Tests.Fakes;

/// <summary>A scripted ESL server on 127.0.0.1, port chosen at run time: tests accept each connection and play the switch's side.</summary>
internal sealed class FakeEslServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<FakeEslPeer> _peers = [];

    public FakeEslServer()
    {
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public EventSocketClientOptions ClientOptions(Action<EventSocketClientOptions>? configure = null)
    {
        var options = new EventSocketClientOptions { Host = "127.0.0.1", Port = Port, Password = "ClueCon", ConnectTimeout = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Accepts the next connection (5 s limit).</summary>
    public async Task<FakeEslPeer> AcceptAsync()
    {
        using var timeout = new CancellationTokenSource(FakeEslPeer.Timeout);
        var socket = await _listener.AcceptSocketAsync(timeout.Token);
        var peer = new FakeEslPeer(socket);
        lock (_peers)
        {
            _peers.Add(peer);
        }

        return peer;
    }

    /// <summary>Accepts a connection, greets it and accepts <c>auth ClueCon</c>.</summary>
    public async Task<FakeEslPeer> AcceptAuthenticatedAsync(string password = "ClueCon")
    {
        var peer = await AcceptAsync();
        await peer.GreetAsync();
        var auth = await peer.ReadCommandAsync();
        Assert.Equal("auth " + password, auth.Line);
        await peer.ReplyAsync("+OK accepted");
        return peer;
    }

    /// <summary>Connects a client and plays the server side of authentication.</summary>
    public async Task<(EventSocketClient Client, FakeEslPeer Peer)> ConnectAsync(Action<EventSocketClientOptions>? configure = null)
    {
        var connecting = EventSocketClient.ConnectAsync(ClientOptions(configure));
        var peer = await AcceptAuthenticatedAsync();
        var client = await connecting.WaitAsync(FakeEslPeer.Timeout);
        return (client, peer);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        FakeEslPeer[] peers;
        lock (_peers)
        {
            peers = [.. _peers];
        }

        foreach (var peer in peers)
        {
            await peer.DisposeAsync();
        }
    }
}
