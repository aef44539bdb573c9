using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Switch.EndToEnd.Support;

/// <summary>
/// A real softphone: Debian's baresip 1.0 run headless with its own config directory (UDP on a free loopback
/// port, G.711 only, a sine tone as microphone, the sndfile module writing what it sends and hears to WAV),
/// registering to the switch with digest and auto-answering. Driven over its ctrl_tcp module (netstring-framed
/// JSON commands; events such as CALL_ESTABLISHED arrive on the same connection). Stopped by PID.
/// </summary>
internal sealed class Baresip : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TcpClient _control;
    private readonly ConcurrentQueue<JsonObject> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly StringBuilder _output = new();
    private readonly Task _reader;
    private int _disposed;

    private Baresip(Process process, TcpClient control, string user, string directory)
    {
        _process = process;
        _control = control;
        User = user;
        Directory = directory;
        _reader = Task.Run(ReadEventsAsync);
    }

    public string User { get; }

    /// <summary>The config directory; recordings are under <see cref="RecordingsDirectory"/>.</summary>
    public string Directory { get; }

    public string RecordingsDirectory => Path.Combine(Directory, "recordings");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts baresip as <paramref name="user"/> (password 1234) registering to 127.0.0.1:<paramref name="switchPort"/>.</summary>
    public static async Task<Baresip> StartAsync(string user, int switchPort, int toneHz)
    {
        var exe = ExternalTool.Require("baresip");
        var dir = System.IO.Directory.CreateTempSubdirectory($"baresip-{user}-").FullName;
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "recordings"));
        var sipPort = FreePorts.TcpAndUdp();
        // baresip also listens for SIP over TLS on the next port up.
        _ = FreePorts.TcpAndUdp();
        var controlPort = FreePorts.TcpAndUdp();
        // ausine only runs at 48 kHz stereo; the PCMU encoder resamples to 8 kHz mono.
        File.WriteAllText(Path.Combine(dir, "config"), $"""
            net_interface 127.0.0.1
            poll_method epoll
            sip_listen 127.0.0.1:{sipPort}
            call_local_timeout 60
            call_max_calls 4
            audio_source ausine,{toneHz}
            audio_player aufile,{Path.Combine(dir, "played.wav")}
            audio_alert aufile,{Path.Combine(dir, "alert.wav")}
            ausrc_srate 48000
            ausrc_channels 2
            auplay_srate 48000
            auplay_channels 2
            module_path /usr/lib/baresip/modules
            module g711.so
            module ausine.so
            module aufile.so
            module sndfile.so
            snd_path {Path.Combine(dir, "recordings")}
            module ctrl_tcp.so
            ctrl_tcp_listen 127.0.0.1:{controlPort}
            module_tmp uuid.so
            module_tmp account.so
            module_app menu.so

            """);
        File.WriteAllText(Path.Combine(dir, "accounts"),
            $"<sip:{user}@127.0.0.1:{switchPort}>;auth_user={user};auth_pass=1234;answermode=auto;regint=300\n");

        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = dir,
        };
        psi.ArgumentList.Add("-f");
        psi.ArgumentList.Add(dir);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start baresip");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                var control = new TcpClient();
                await control.ConnectAsync("127.0.0.1", controlPort);
                var phone = new Baresip(process, control, user, dir);
                lock (output)
                {
                    phone._output.Append(output);
                }
                process.OutputDataReceived += (_, e) => { lock (phone._output) { phone._output.AppendLine(e.Data); } };
                return phone;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch
            {
                Stop(process);
                throw new InvalidOperationException($"baresip {user} did not open its control port:\n{output}");
            }
        }
    }

    /// <summary>Sends a ctrl_tcp command (e.g. <c>dial sip:1001@host</c>, <c>hangup</c>).</summary>
    public async Task SendAsync(string command, string parameters = "")
    {
        var json = new JsonObject { ["command"] = command, ["params"] = parameters, ["token"] = command }.ToJsonString();
        var body = Encoding.UTF8.GetBytes(json);
        var frame = Encoding.ASCII.GetBytes($"{body.Length}:").Concat(body).Append((byte)',').ToArray();
        await _control.GetStream().WriteAsync(frame);
    }

    /// <summary>Waits for a ctrl_tcp event of <paramref name="type"/> (REGISTER_OK, CALL_ESTABLISHED, CALL_CLOSED, ...).</summary>
    public async Task<JsonObject> WaitForEventAsync(string type, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var found = _events.FirstOrDefault(e => TypeOf(e) == type);
            if (found is not null)
            {
                return found;
            }
            try
            {
                await _arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"baresip {User}: no {type} within {timeout}; events: " +
                    string.Join(", ", _events.Select(TypeOf)) + "\n" + Output);
            }
        }
    }

    /// <summary>The recording sndfile made of what this phone heard (decoded from the far end), if any.</summary>
    public string? HeardRecording() =>
        System.IO.Directory.GetFiles(RecordingsDirectory, "*-dec.wav").OrderBy(f => f, StringComparer.Ordinal).LastOrDefault();

    private async Task ReadEventsAsync()
    {
        var stream = _control.GetStream();
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                var n = await stream.ReadAsync(chunk);
                if (n == 0)
                {
                    return;
                }
                buffer.AddRange(chunk.AsSpan(0, n));
                while (TryTakeNetstring(buffer, out var payload))
                {
                    if (JsonNode.Parse(payload) is JsonObject message && message["event"]?.GetValue<bool>() == true)
                    {
                        _events.Enqueue(message);
                        _arrived.Release();
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // The phone stopped.
        }
    }

    private static string? TypeOf(JsonObject e) => e["type"]?.GetValue<string>();

    private static bool TryTakeNetstring(List<byte> buffer, out string payload)
    {
        payload = "";
        var colon = buffer.IndexOf((byte)':');
        if (colon <= 0 || !int.TryParse(Encoding.ASCII.GetString(buffer.GetRange(0, colon).ToArray()), out var length)
            || buffer.Count < colon + 1 + length + 1)
        {
            return false;
        }
        payload = Encoding.UTF8.GetString(buffer.GetRange(colon + 1, length).ToArray());
        buffer.RemoveRange(0, colon + 1 + length + 1);
        return true;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        // A quit un-REGISTERs and waits for the answer; a kill is enough for a test (the switch's binding expires).
        Stop(_process);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(cts.Token);
        _control.Dispose();
        await _reader;
        _process.Dispose();
    }
}
