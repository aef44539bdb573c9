using System.Text;

namespace Switch.EventSocket;

/// <summary>Returns shared string instances for common header names so parsing does not allocate them again.</summary>
internal static class EslNames
{
    private static readonly HashSet<string> s_known = Build();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_lookup = s_known.GetAlternateLookup<ReadOnlySpan<char>>();

    private static HashSet<string> Build()
    {
        string[] names =
        [
            "Content-Type", "Content-Length", "Reply-Text", "Job-UUID", "Job-Owner-UUID", "Job-Command", "Job-Command-Arg",
            "Event-Name", "Core-UUID", "FreeSWITCH-Hostname", "FreeSWITCH-Switchname", "FreeSWITCH-IPv4", "FreeSWITCH-IPv6",
            "Event-Date-Local", "Event-Date-GMT", "Event-Date-Timestamp", "Event-Calling-File", "Event-Calling-Function",
            "Event-Calling-Line-Number", "Event-Sequence", "Event-Subclass", "Event-UUID", "Unique-ID",
            "Channel-State", "Channel-Call-State", "Channel-State-Number", "Channel-Name", "Call-Direction",
            "Presence-Call-Direction", "Channel-HIT-Dialplan", "Channel-Call-UUID", "Answer-State", "Hangup-Cause",
            "Caller-Direction", "Caller-Logical-Direction", "Caller-Username", "Caller-Dialplan", "Caller-Caller-ID-Name",
            "Caller-Caller-ID-Number", "Caller-Orig-Caller-ID-Name", "Caller-Orig-Caller-ID-Number", "Caller-Callee-ID-Name",
            "Caller-Callee-ID-Number", "Caller-Network-Addr", "Caller-ANI", "Caller-Destination-Number", "Caller-Unique-ID",
            "Caller-Source", "Caller-Context", "Caller-Channel-Name", "Caller-Profile-Index", "Caller-Profile-Created-Time",
            "Caller-Channel-Created-Time", "Caller-Channel-Answered-Time", "Caller-Channel-Progress-Time",
            "Caller-Channel-Progress-Media-Time", "Caller-Channel-Hangup-Time", "Caller-Channel-Transfer-Time",
            "Caller-Channel-Resurrect-Time", "Caller-Channel-Bridged-Time", "Caller-Channel-Last-Hold",
            "Caller-Channel-Hold-Accum", "Caller-Screen-Bit", "Caller-Privacy-Hide-Name", "Caller-Privacy-Hide-Number",
            "Other-Type", "Other-Leg-Unique-ID", "Other-Leg-Direction", "Other-Leg-Caller-ID-Name", "Other-Leg-Caller-ID-Number",
            "Other-Leg-Destination-Number", "Application", "Application-Data", "Application-Response", "Application-UUID",
            "Bridge-A-Unique-ID", "Bridge-B-Unique-ID", "DTMF-Digit", "DTMF-Duration", "DTMF-Source",
            "Controlled-Session-UUID", "Content-Disposition", "Linger-Time", "Socket-Mode", "Control",
            "Log-Level", "Text-Channel", "Log-File", "Log-Func", "Log-Line", "User-Data",
            "variable_uuid", "variable_direction", "variable_call_uuid", "variable_channel_name",
        ];
        return new HashSet<string>(names, StringComparer.Ordinal);
    }

    /// <summary>Decodes a UTF-8 header name, reusing a shared instance for well-known names.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= 64)
        {
            Span<char> chars = stackalloc char[64];
            var ascii = true;
            for (var i = 0; i < utf8.Length; i++)
            {
                var b = utf8[i];
                if (b >= 0x80)
                {
                    ascii = false;
                    break;
                }

                chars[i] = (char)b;
            }

            if (ascii && s_lookup.TryGetValue(chars[..utf8.Length], out var known))
            {
                return known;
            }
        }

        return EslBytes.Utf8.GetString(utf8);
    }

    public static string GetString(ReadOnlySpan<byte> utf8) => utf8.IsEmpty ? string.Empty : EslBytes.Utf8.GetString(utf8);

    internal static Encoding Encoding => EslBytes.Utf8;
}
