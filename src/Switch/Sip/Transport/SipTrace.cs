using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Switch.Sip.Transport;

/// <summary>
/// The runtime <c>siptrace on|off</c> switch: when <see cref="Enabled"/>, every message in and out is written in
/// FreeSWITCH's <c>sofia global siptrace on</c> layout ("recv 512 bytes from udp/[127.0.0.1]:5062 at 10:20:30.123456:",
/// a dashed line, the message, a dashed line) to the "Switch.Sip.Trace" logger and the optional <see cref="Sink"/>.
/// </summary>
internal sealed partial class SipTrace
{
    private const string Dashes = "   ------------------------------------------------------------------------";
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private volatile bool _enabled;

    public SipTrace(ILoggerFactory loggerFactory, TimeProvider time)
    {
        _logger = loggerFactory.CreateLogger("Switch.Sip.Trace");
        _time = time;
    }

    /// <summary>Turns tracing on or off at run time.</summary>
    public bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    /// <summary>Extra receiver of formatted trace entries (for the command layer or tests).</summary>
    public Action<string>? Sink { get; set; }

    public void Received(ReadOnlySpan<byte> bytes, SipTransportType transport, IPEndPoint local, IPEndPoint remote)
    {
        if (_enabled)
        {
            Write(Format(true, bytes, transport, local, remote, _time.GetLocalNow()));
        }
    }

    public void Sent(ReadOnlySpan<byte> bytes, SipTransportType transport, IPEndPoint local, IPEndPoint remote)
    {
        if (_enabled)
        {
            Write(Format(false, bytes, transport, local, remote, _time.GetLocalNow()));
        }
    }

    /// <summary>One trace entry: header line, dashes, the message with each line indented by three spaces, dashes.</summary>
    public static string Format(bool received, ReadOnlySpan<byte> bytes, SipTransportType transport, IPEndPoint local, IPEndPoint remote, DateTimeOffset at)
    {
        var sb = new StringBuilder(bytes.Length + 256);
        sb.Append(received ? "recv " : "send ")
            .Append(bytes.Length.ToString(CultureInfo.InvariantCulture))
            .Append(received ? " bytes from " : " bytes to ")
            .Append(transport == SipTransportType.Tcp ? "tcp" : "udp")
            .Append("/[").Append(remote.Address.ToString()).Append("]:").Append(remote.Port.ToString(CultureInfo.InvariantCulture))
            .Append(received ? " to [" : " from [").Append(local.Address.ToString()).Append("]:").Append(local.Port.ToString(CultureInfo.InvariantCulture))
            .Append(" at ").Append(at.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture)).Append(":\n")
            .Append(Dashes).Append('\n');
        var text = Encoding.UTF8.GetString(bytes);
        foreach (var line in text.Split("\r\n"))
        {
            sb.Append("   ").Append(line).Append('\n');
        }

        sb.Append(Dashes).Append('\n');
        return sb.ToString();
    }

    private void Write(string entry)
    {
        LogEntry(_logger, entry);
        Sink?.Invoke(entry);
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "{Entry}")]
    private static partial void LogEntry(ILogger logger, string entry);
}
