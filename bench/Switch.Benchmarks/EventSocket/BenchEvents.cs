using System.Globalization;
using Switch.EventSocket;

namespace Switch.Benchmarks.EventSocket;

/// <summary>Realistic channel events (about 30 headers, ~1 KB in plain) for the event-socket benchmarks.</summary>
internal static class BenchEvents
{
    public static EslEvent ChannelState(long sequence)
    {
        var uuid = "2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f";
        KeyValuePair<string, string>[] headers =
        [
            new("Event-Name", "CHANNEL_STATE"),
            new("Core-UUID", "4b7a0f1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b"),
            new("FreeSWITCH-Hostname", "sw1"),
            new("FreeSWITCH-Switchname", "sw1"),
            new("FreeSWITCH-IPv4", "192.0.2.10"),
            new("FreeSWITCH-IPv6", "::1"),
            new("Event-Date-Local", "2025-03-04 10:20:30"),
            new("Event-Date-GMT", "Tue, 04 Mar 2025 10:20:30 GMT"),
            new("Event-Date-Timestamp", "1741083630123456"),
            new("Event-Calling-File", "switch_channel.c"),
            new("Event-Calling-Function", "switch_channel_perform_set_running_state"),
            new("Event-Calling-Line-Number", "2420"),
            new("Event-Sequence", sequence.ToString(CultureInfo.InvariantCulture)),
            new("Channel-State", "CS_EXECUTE"),
            new("Channel-Call-State", "RINGING"),
            new("Channel-State-Number", "4"),
            new("Channel-Name", "sofia/internal/1001@192.0.2.55:5060"),
            new("Unique-ID", uuid),
            new("Call-Direction", "inbound"),
            new("Presence-Call-Direction", "inbound"),
            new("Channel-HIT-Dialplan", "true"),
            new("Channel-Call-UUID", uuid),
            new("Answer-State", "ringing"),
            new("Caller-Direction", "inbound"),
            new("Caller-Logical-Direction", "inbound"),
            new("Caller-Caller-ID-Name", "Alice Müller"),
            new("Caller-Caller-ID-Number", "1000"),
            new("Caller-Network-Addr", "192.0.2.55"),
            new("Caller-Destination-Number", "1001"),
            new("Caller-Unique-ID", uuid),
            new("Caller-Source", "mod_sofia"),
            new("Caller-Context", "default"),
            new("Caller-Channel-Name", "sofia/internal/1001@192.0.2.55:5060"),
            new("Caller-Channel-Created-Time", "1741083625000000"),
            new("Caller-Channel-Answered-Time", "0"),
        ];
        return new EslEvent(headers);
    }
}
