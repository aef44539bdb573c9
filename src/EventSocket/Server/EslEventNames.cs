namespace Switch.EventSocket;

/// <summary>FreeSWITCH's event type names (ESL-PROTOCOL.md §6.5); the index is FS's enum value.</summary>
public static class EslEventNames
{
    /// <summary>All names in FS enum order; <c>ALL</c> is last.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "CUSTOM", "CLONE", "CHANNEL_CREATE", "CHANNEL_DESTROY", "CHANNEL_STATE", "CHANNEL_CALLSTATE", "CHANNEL_ANSWER",
        "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE", "CHANNEL_HOLD",
        "CHANNEL_UNHOLD", "CHANNEL_BRIDGE", "CHANNEL_UNBRIDGE", "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA",
        "CHANNEL_OUTGOING", "CHANNEL_PARK", "CHANNEL_UNPARK", "CHANNEL_APPLICATION", "CHANNEL_ORIGINATE", "CHANNEL_UUID",
        "API", "LOG", "INBOUND_CHAN", "OUTBOUND_CHAN", "STARTUP", "SHUTDOWN", "PUBLISH", "UNPUBLISH", "TALK", "NOTALK",
        "SESSION_CRASH", "MODULE_LOAD", "MODULE_UNLOAD", "DTMF", "MESSAGE", "PRESENCE_IN", "NOTIFY_IN", "PRESENCE_OUT",
        "PRESENCE_PROBE", "MESSAGE_WAITING", "MESSAGE_QUERY", "ROSTER", "CODEC", "BACKGROUND_JOB", "DETECTED_SPEECH",
        "DETECTED_TONE", "PRIVATE_COMMAND", "HEARTBEAT", "TRAP", "ADD_SCHEDULE", "DEL_SCHEDULE", "EXE_SCHEDULE",
        "RE_SCHEDULE", "RELOADXML", "NOTIFY", "PHONE_FEATURE", "PHONE_FEATURE_SUBSCRIBE", "SEND_MESSAGE", "RECV_MESSAGE",
        "REQUEST_PARAMS", "CHANNEL_DATA", "GENERAL", "COMMAND", "SESSION_HEARTBEAT", "CLIENT_DISCONNECTED",
        "SERVER_DISCONNECTED", "SEND_INFO", "RECV_INFO", "RECV_RTCP_MESSAGE", "SEND_RTCP_MESSAGE", "CALL_SECURE", "NAT",
        "RECORD_START", "RECORD_STOP", "PLAYBACK_START", "PLAYBACK_STOP", "CALL_UPDATE", "FAILURE", "SOCKET_DATA",
        "MEDIA_BUG_START", "MEDIA_BUG_STOP", "CONFERENCE_DATA_QUERY", "CONFERENCE_DATA", "CALL_SETUP_REQ",
        "CALL_SETUP_RESULT", "CALL_DETAIL", "DEVICE_STATE", "TEXT", "SHUTDOWN_REQUESTED", "CERT_RELOAD", "ALL",
    ];

    /// <summary>Index of <c>CUSTOM</c>.</summary>
    public const int Custom = 0;

    private static readonly Dictionary<string, int> s_index = BuildIndex();

    /// <summary>Index of <c>ALL</c>.</summary>
    public static int AllIndex { get; } = All.Count - 1;

    private static Dictionary<string, int> BuildIndex()
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < All.Count; i++)
        {
            map[All[i]] = i;
        }

        return map;
    }

    /// <summary>Looks up a name case-insensitively, also with FS's <c>SWITCH_EVENT_</c> prefix; -1 when unknown.</summary>
    public static int IndexOf(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return -1;
        }

        if (s_index.TryGetValue(name, out var index))
        {
            return index;
        }

        const string Prefix = "SWITCH_EVENT_";
        if (name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && s_index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name.AsSpan(Prefix.Length), out index))
        {
            return index;
        }

        return -1;
    }

    /// <summary>The events <c>myevents</c> subscribes to (§3).</summary>
    internal static IReadOnlyList<string> MyEvents { get; } =
    [
        "CHANNEL_ANSWER", "CHANNEL_APPLICATION", "CHANNEL_BRIDGE", "CHANNEL_CREATE", "CHANNEL_DATA", "CHANNEL_DESTROY",
        "CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_ORIGINATE",
        "CHANNEL_UUID", "CHANNEL_OUTGOING", "CHANNEL_PARK", "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA", "CHANNEL_STATE",
        "CHANNEL_UNBRIDGE", "CHANNEL_UNPARK", "DETECTED_SPEECH", "DTMF", "NOTALK", "TALK",
    ];
}
