using System.Net;

namespace Switch.EventSocket;

/// <summary>A running outbound event-socket connection for one channel.</summary>
public sealed class EslOutboundSession
{
    private readonly EslConnection _connection;

    internal EslOutboundSession(EslConnection connection, Task completion, EndPoint controller)
    {
        _connection = connection;
        Completion = completion;
        Controller = controller;
    }

    /// <summary>The channel this session controls.</summary>
    public string Uuid => _connection.BoundUuid!;

    /// <summary>The controller's address.</summary>
    public EndPoint Controller { get; }

    /// <summary>Completes when the controller has sent <c>connect</c> and got the channel data (or the session ended first).</summary>
    public Task ConnectReceived => _connection.Connected.Task;

    /// <summary>Completes when the connection has closed.</summary>
    public Task Completion { get; }

    /// <summary>True when the controller sent <c>resume</c>: the host should continue the channel's own processing after the socket closes.</summary>
    public bool ResumeRequested => _connection.ResumeRequested;

    /// <summary>Closes the session now with the session disconnect notice.</summary>
    public void Close()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        EslFrameWriter.WriteSessionDisconnectNotice(buffer, Uuid);
        _connection.Abort(buffer.WrittenSpan.ToArray());
    }
}
