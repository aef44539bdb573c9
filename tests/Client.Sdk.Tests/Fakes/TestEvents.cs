using System.Globalization;
using Switch.EventSocket;

namespace Switch.Client.Tests.Fakes;

/// <summary>Builds events with FreeSWITCH's standard headers for the fake server to send.</summary>
internal static class TestEvents
{
    public const string CoreUuid = "4b7a0f1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b";
    private static long s_sequence = 1000;

    public static EslEvent Create(string name, string? body = null, long? sequence = null, string coreUuid = CoreUuid, params (string Name, string Value)[] headers)
    {
        var seq = sequence ?? Interlocked.Increment(ref s_sequence);
        var list = new List<KeyValuePair<string, string>>
        {
            new("Event-Name", name),
            new("Core-UUID", coreUuid),
            new("FreeSWITCH-Hostname", "sw1"),
            new("Event-Date-Local", "2025-03-04 10:20:30"),
            new("Event-Date-Timestamp", "1741083630123456"),
            new("Event-Sequence", seq.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var (n, v) in headers)
        {
            list.Add(new(n, v));
        }

        return new EslEvent(list, body);
    }

    public static EslEvent Channel(string name, string uniqueId, params (string Name, string Value)[] headers) =>
        Create(name, null, null, CoreUuid, [("Unique-ID", uniqueId), ("Channel-Name", "sofia/internal/1000@192.0.2.10"), .. headers]);

    public static EslEvent Job(string jobUuid, string output) =>
        Create("BACKGROUND_JOB", output, null, CoreUuid, ("Job-UUID", jobUuid), ("Job-Command", "originate"));

    public static EslEvent ExecuteComplete(string uniqueId, string application, string applicationUuid, string response = "_none_", params (string Name, string Value)[] headers) =>
        Channel("CHANNEL_EXECUTE_COMPLETE", uniqueId, [("Application", application), ("Application-Response", response), ("Application-UUID", applicationUuid), .. headers]);
}
