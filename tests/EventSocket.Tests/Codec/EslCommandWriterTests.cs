using System.Buffers;
using System.Text;

namespace Switch.EventSocket.Tests.Codec;

public sealed class EslCommandWriterTests
{
    [Fact]
    public void Writes_the_common_commands_exactly()
    {
        Assert.Equal("auth ClueCon\n\n", Wire.Write(w => EslCommandWriter.WriteAuth(w, "ClueCon")));
        Assert.Equal("api status\n\n", Wire.Write(w => EslCommandWriter.WriteApi(w, "status")));
        Assert.Equal("api uuid_kill u USER_BUSY\n\n", Wire.Write(w => EslCommandWriter.WriteApi(w, "uuid_kill", "u USER_BUSY")));
        Assert.Equal("bgapi originate user/1001 &park()\nJob-UUID: j\n\n", Wire.Write(w => EslCommandWriter.WriteBgApi(w, "originate", "user/1001 &park()", "j")));
        Assert.Equal("event json ALL\n\n", Wire.Write(w => EslCommandWriter.WriteEvent(w, EslEventFormat.Json, "ALL")));
        Assert.Equal("filter delete all\n\n", Wire.Write(w => EslCommandWriter.WriteFilterDelete(w, "all")));
        Assert.Equal("myevents u json\n\n", Wire.Write(w => EslCommandWriter.WriteMyEvents(w, "u", EslEventFormat.Json)));
        Assert.Equal("linger 30\n\n", Wire.Write(w => EslCommandWriter.WriteLinger(w, 30)));
        Assert.Equal("exit\n\n", Wire.Write(EslCommandWriter.WriteExit));
        Assert.Equal(
            "sendmsg u\ncall-command: execute\nexecute-app-name: playback\nexecute-app-arg: /tmp/a.wav\nevent-lock: true\nEvent-UUID: e\n\n",
            Wire.Write(w => EslCommandWriter.WriteExecute(w, "u", "playback", "/tmp/a.wav", "e", eventLock: true)));
        Assert.Equal("sendmsg\ncall-command: hangup\nhangup-cause: USER_BUSY\n\n", Wire.Write(w => EslCommandWriter.WriteHangup(w, null, "USER_BUSY")));
    }

    [Fact]
    public void Body_gets_a_byte_accurate_content_length_and_round_trips_through_the_reader()
    {
        var bytes = Wire.WriteBytes(w => EslCommandWriter.WriteSendEvent(w, "CUSTOM", [new("Event-Subclass", "a::b"), new("content-length", "999")], "héllo"));
        Assert.Equal("sendevent CUSTOM\nEvent-Subclass: a::b\nContent-Length: 6\n\nhéllo", Encoding.UTF8.GetString(bytes));
        Assert.Equal(EslReadStatus.Complete, EslCommandReader.TryRead(new ReadOnlySequence<byte>(bytes), EslFramingLimits.Default, out var command, out _));
        Assert.Equal("héllo", command!.Body);
        Assert.Equal("a::b", command.GetHeader("event-subclass"));
    }

    [Theory]
    [InlineData("status\nexit")]
    [InlineData("status\r")]
    public void Rejects_newlines_that_would_inject_commands(string command) =>
        Assert.Throws<ArgumentException>(() => Wire.Write(w => EslCommandWriter.WriteApi(w, command)));

    [Fact]
    public void Rejects_header_injection() =>
        Assert.Throws<ArgumentException>(() => Wire.Write(w => EslCommandWriter.WriteSendMsg(w, null, [new("a", "b\n\nexit")])));
}
