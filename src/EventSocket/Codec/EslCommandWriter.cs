using System.Buffers;

namespace Switch.EventSocket;

/// <summary>
/// Writers of client→server commands (the client side of the codec): <c>&lt;line&gt;\n</c>, <c>name: value\n</c>
/// per header, <c>\n</c>, then the body when there is one (announced with <c>content-length</c>).
/// Arguments containing CR or LF would split the command and are rejected with <see cref="ArgumentException"/>.
/// </summary>
public static class EslCommandWriter
{
    /// <summary><c>auth &lt;password&gt;</c>.</summary>
    public static void WriteAuth(IBufferWriter<byte> writer, string password) => WriteCommand(writer, "auth " + password);

    /// <summary><c>userauth &lt;user&gt;@&lt;domain&gt;:&lt;password&gt;</c>.</summary>
    public static void WriteUserAuth(IBufferWriter<byte> writer, string user, string domain, string password) =>
        WriteCommand(writer, $"userauth {user}@{domain}:{password}");

    /// <summary><c>api &lt;command&gt; [args]</c>.</summary>
    public static void WriteApi(IBufferWriter<byte> writer, string command, string? arguments = null) =>
        WriteCommand(writer, JoinLine("api", command, arguments));

    /// <summary><c>bgapi &lt;command&gt; [args]</c> with a <c>Job-UUID</c> header the server must reuse.</summary>
    public static void WriteBgApi(IBufferWriter<byte> writer, string command, string? arguments, string jobUuid) =>
        WriteCommand(writer, JoinLine("bgapi", command, arguments), [new(EslHeaderNames.JobUuid, jobUuid)]);

    /// <summary><c>event &lt;format&gt; &lt;names&gt;</c> (e.g. <c>ALL</c>, or <c>CHANNEL_ANSWER CUSTOM sofia::register</c>).</summary>
    public static void WriteEvent(IBufferWriter<byte> writer, EslEventFormat format, string names) =>
        WriteCommand(writer, $"event {FormatWord(format)} {names}");

    /// <summary><c>nixevent &lt;names&gt;</c>.</summary>
    public static void WriteNixEvent(IBufferWriter<byte> writer, string names) => WriteCommand(writer, "nixevent " + names);

    /// <summary><c>noevents</c>.</summary>
    public static void WriteNoEvents(IBufferWriter<byte> writer) => WriteCommand(writer, "noevents");

    /// <summary><c>filter &lt;header&gt; &lt;value&gt;</c>.</summary>
    public static void WriteFilter(IBufferWriter<byte> writer, string header, string value) => WriteCommand(writer, $"filter {header} {value}");

    /// <summary><c>filter delete &lt;header&gt; [value]</c> (<c>filter delete all</c> with header "all").</summary>
    public static void WriteFilterDelete(IBufferWriter<byte> writer, string header, string? value = null) =>
        WriteCommand(writer, value is null ? "filter delete " + header : $"filter delete {header} {value}");

    /// <summary><c>myevents [uuid] [format]</c>.</summary>
    public static void WriteMyEvents(IBufferWriter<byte> writer, string? uuid = null, EslEventFormat format = EslEventFormat.Plain)
    {
        var line = uuid is null ? "myevents" : "myevents " + uuid;
        if (format != EslEventFormat.Plain)
        {
            line += " " + FormatWord(format);
        }

        WriteCommand(writer, line);
    }

    /// <summary><c>linger [seconds]</c>.</summary>
    public static void WriteLinger(IBufferWriter<byte> writer, int? seconds = null) =>
        WriteCommand(writer, seconds is { } s ? "linger " + s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "linger");

    /// <summary><c>nolinger</c>.</summary>
    public static void WriteNoLinger(IBufferWriter<byte> writer) => WriteCommand(writer, "nolinger");

    /// <summary><c>log &lt;level&gt;</c>.</summary>
    public static void WriteLog(IBufferWriter<byte> writer, string level) => WriteCommand(writer, "log " + level);

    /// <summary><c>nolog</c>.</summary>
    public static void WriteNoLog(IBufferWriter<byte> writer) => WriteCommand(writer, "nolog");

    /// <summary><c>exit</c>.</summary>
    public static void WriteExit(IBufferWriter<byte> writer) => WriteCommand(writer, "exit");

    /// <summary><c>connect</c> (first command of an outbound socket).</summary>
    public static void WriteConnect(IBufferWriter<byte> writer) => WriteCommand(writer, "connect");

    /// <summary><c>sendmsg [uuid]</c> with headers (e.g. <c>call-command: execute</c>) and an optional body.</summary>
    public static void WriteSendMsg(IBufferWriter<byte> writer, string? uuid, IReadOnlyList<KeyValuePair<string, string>> headers, string? body = null) =>
        WriteCommand(writer, uuid is null ? "sendmsg" : "sendmsg " + uuid, headers, body);

    /// <summary>
    /// <c>sendmsg</c> running an application: <c>call-command: execute</c>, <c>execute-app-name</c>,
    /// <c>execute-app-arg</c> (when given), <c>Event-UUID</c> (copied by the server into Application-UUID),
    /// and optionally <c>event-lock</c>, <c>async</c>, <c>loops</c>.
    /// </summary>
    public static void WriteExecute(IBufferWriter<byte> writer, string? uuid, string application, string? argument, string? eventUuid = null, bool eventLock = false, bool async = false, int loops = 1)
    {
        var headers = new List<KeyValuePair<string, string>>(7)
        {
            new("call-command", "execute"),
            new("execute-app-name", application),
        };
        if (!string.IsNullOrEmpty(argument))
        {
            headers.Add(new("execute-app-arg", argument));
        }

        if (loops != 1)
        {
            headers.Add(new("loops", loops.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (eventLock)
        {
            headers.Add(new("event-lock", "true"));
        }

        if (async)
        {
            headers.Add(new("async", "true"));
        }

        if (eventUuid is not null)
        {
            headers.Add(new(EslHeaderNames.EventUuid, eventUuid));
        }

        WriteSendMsg(writer, uuid, headers);
    }

    /// <summary><c>sendmsg</c> hanging up: <c>call-command: hangup</c>, <c>hangup-cause</c>.</summary>
    public static void WriteHangup(IBufferWriter<byte> writer, string? uuid, string cause = "NORMAL_CLEARING") =>
        WriteSendMsg(writer, uuid, [new("call-command", "hangup"), new("hangup-cause", cause)]);

    /// <summary><c>sendevent &lt;NAME&gt;</c> with raw (unencoded) header values and an optional body.</summary>
    public static void WriteSendEvent(IBufferWriter<byte> writer, string eventName, IReadOnlyList<KeyValuePair<string, string>> headers, string? body = null) =>
        WriteCommand(writer, "sendevent " + eventName, headers, body);

    /// <summary>
    /// Any command: the line, headers (a caller-supplied content-length is replaced by the real one) and body.
    /// </summary>
    public static void WriteCommand(IBufferWriter<byte> writer, string line, IReadOnlyList<KeyValuePair<string, string>>? headers = null, string? body = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(line);
        CheckNoNewline(line, nameof(line));
        EslBytes.WriteUtf8(writer, line);
        EslBytes.Write(writer, (byte)'\n');
        if (headers is not null)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                var h = headers[i];
                if (string.Equals(h.Key, EslHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                CheckNoNewline(h.Key, nameof(headers));
                CheckNoNewline(h.Value, nameof(headers));
                if (h.Key.Length == 0 || h.Key.Contains(':', StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Invalid header name '{h.Key}'.", nameof(headers));
                }

                EslBytes.WriteUtf8(writer, h.Key);
                EslBytes.Write(writer, ": "u8);
                EslBytes.WriteUtf8(writer, h.Value);
                EslBytes.Write(writer, (byte)'\n');
            }
        }

        if (!string.IsNullOrEmpty(body))
        {
            EslBytes.Write(writer, "Content-Length: "u8);
            EslBytes.WriteNumber(writer, EslBytes.Utf8Length(body));
            EslBytes.Write(writer, "\n\n"u8);
            EslBytes.WriteUtf8(writer, body);
            return;
        }

        EslBytes.Write(writer, (byte)'\n');
    }

    internal static string FormatWord(EslEventFormat format) => format switch
    {
        EslEventFormat.Json => "json",
        EslEventFormat.Xml => "xml",
        _ => "plain",
    };

    private static string JoinLine(string verb, string command, string? arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        return string.IsNullOrEmpty(arguments) ? $"{verb} {command}" : $"{verb} {command} {arguments}";
    }

    private static void CheckNoNewline(string value, string paramName)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("CR and LF are not allowed in an ESL command line or header.", paramName);
        }
    }
}
