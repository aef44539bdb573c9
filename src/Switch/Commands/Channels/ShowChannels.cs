using System.Globalization;
using System.Text;
using Switch.Calls;
using Switch.Commands.Registrations;

namespace Switch.Commands.Channels;

/// <summary>
/// The <c>show channels</c> and <c>show calls</c> parts of mod_commands' <c>show</c>, for the lead's show
/// dispatcher: <see cref="FormatChannels"/> and <see cref="FormatCalls"/> take (asJson, countOnly). Comma
/// separated: a title line, one line per row, an empty line and <c>N total.</c> (only <c>\n0 total.\n</c>
/// without rows); JSON: <c>{"row_count":N,"rows":[...]}</c> without LF, or <c>{"row_count": 0}</c> + LF.
/// </summary>
internal sealed class ShowChannels(CallEngine engine, string hostname)
{
    public static readonly IReadOnlyList<string> ChannelColumns =
    [
        "uuid", "direction", "created", "created_epoch", "name", "state", "cid_name", "cid_num", "ip_addr", "dest",
        "application", "application_data", "dialplan", "context", "read_codec", "read_rate", "read_bit_rate",
        "write_codec", "write_rate", "write_bit_rate", "secure", "hostname", "presence_id", "presence_data",
        "accountcode", "callstate", "callee_name", "callee_num", "callee_direction", "call_uuid", "sent_callee_name",
        "sent_callee_num", "initial_cid_name", "initial_cid_num", "initial_ip_addr", "initial_dest", "initial_dialplan",
        "initial_context",
    ];

    private static readonly string[] CallSide =
    [
        "uuid", "direction", "created", "created_epoch", "name", "state", "cid_name", "cid_num", "ip_addr", "dest",
        "presence_id", "presence_data", "accountcode", "callstate", "callee_name", "callee_num", "callee_direction",
    ];

    public static readonly IReadOnlyList<string> CallColumns =
    [
        .. CallSide, "call_uuid", "hostname", "sent_callee_name", "sent_callee_num",
        .. CallSide.Select(c => "b_" + c), "b_sent_callee_name", "b_sent_callee_num", "call_created_epoch",
    ];

    /// <summary>Rows are only formatted when they are shown: a count (a controller's cheap poll) just counts.</summary>
    public string FormatChannels(bool asJson, bool countOnly) => countOnly
        ? FormatCount(engine.Snapshot().Count, asJson)
        : Format(ChannelColumns, engine.Snapshot().Select(ChannelRow).ToList(), asJson, countOnly: false);

    public string FormatCalls(bool asJson, bool countOnly)
    {
        var all = engine.Snapshot();
        var byUuid = all.ToDictionary(s => s.Uuid, StringComparer.OrdinalIgnoreCase);
        var rows = new List<string[]>();
        var count = 0;
        foreach (var a in all)
        {
            if (a.BridgedTo is not null && !a.IsBridgeOriginator && byUuid.ContainsKey(a.BridgedTo))
            {
                continue;
            }
            count++;
            if (!countOnly)
            {
                var b = a.BridgedTo is { } peer && byUuid.TryGetValue(peer, out var p) ? p : null;
                rows.Add(CallRow(a, b));
            }
        }
        return countOnly ? FormatCount(count, asJson) : Format(CallColumns, rows, asJson, countOnly: false);
    }

    /// <summary>The <c>count</c> form: <c>\nN total.\n</c>, or <c>{"row_count":N,"rows":[]}</c> as JSON.</summary>
    public static string FormatCount(int rows, bool asJson)
    {
        var count = rows.ToString(CultureInfo.InvariantCulture);
        return asJson ? $"{{\"row_count\":{count},\"rows\":[]}}" : $"\n{count} total.\n";
    }

    /// <summary>Writes rows in FreeSWITCH's delimited or JSON form.</summary>
    public static string Format(IReadOnlyList<string> columns, IReadOnlyList<string[]> rows, bool asJson, bool countOnly)
    {
        var count = rows.Count.ToString(CultureInfo.InvariantCulture);
        if (countOnly)
        {
            return FormatCount(rows.Count, asJson);
        }
        if (asJson)
        {
            if (rows.Count == 0)
            {
                return "{\"row_count\": 0}\n";
            }
            var json = new StringBuilder(64 + (rows.Count * 1024));
            json.Append("{\"row_count\":").Append(count).Append(",\"rows\":[");
            for (var r = 0; r < rows.Count; r++)
            {
                json.Append(r == 0 ? "{" : ",{");
                for (var c = 0; c < columns.Count; c++)
                {
                    if (c > 0)
                    {
                        json.Append(',');
                    }
                    JsonText.AppendString(json, columns[c]);
                    json.Append(':');
                    JsonText.AppendString(json, rows[r][c]);
                }
                json.Append('}');
            }
            return json.Append("]}").ToString();
        }
        var sb = new StringBuilder(128 + (rows.Count * 400));
        if (rows.Count > 0)
        {
            sb.AppendJoin(',', columns).Append('\n');
            foreach (var row in rows)
            {
                sb.AppendJoin(',', row).Append('\n');
            }
        }
        return sb.Append('\n').Append(count).Append(" total.\n").ToString();
    }

    private string[] ChannelRow(ChannelSnapshot s) =>
    [
        s.Uuid, s.Direction, Created(s), Epoch(s), s.Name, s.State, s.CallerIdName ?? "", s.CallerIdNumber ?? "",
        s.NetworkAddr ?? "", s.DestinationNumber ?? "", s.Application ?? "", s.ApplicationData ?? "", s.Dialplan ?? "",
        s.Context ?? "", s.ReadCodec ?? "", Rate(s.ReadCodec, s.ReadRate), Rate(s.ReadCodec, s.ReadBitRate),
        s.WriteCodec ?? "", Rate(s.WriteCodec, s.WriteRate), Rate(s.WriteCodec, s.WriteBitRate), "", hostname,
        s.PresenceId ?? "", s.PresenceData ?? "", s.AccountCode ?? "", s.CallState, s.CalleeName ?? "",
        s.CalleeNumber ?? "", s.CalleeDirection ?? "", s.CallUuid, "", "", s.InitialCallerIdName ?? "",
        s.InitialCallerIdNumber ?? "", s.InitialNetworkAddr ?? "", s.InitialDestinationNumber ?? "", s.Dialplan ?? "",
        s.Context ?? "",
    ];

    private string[] CallRow(ChannelSnapshot a, ChannelSnapshot? b)
    {
        var row = new List<string>(CallColumns.Count);
        row.AddRange(Side(a));
        row.AddRange([a.CallUuid, hostname, "", ""]);
        row.AddRange(b is null ? Enumerable.Repeat(string.Empty, CallSide.Length) : Side(b));
        row.AddRange(["", "", Epoch(a)]);
        return row.ToArray();
    }

    private string[] Side(ChannelSnapshot s) =>
    [
        s.Uuid, s.Direction, Created(s), Epoch(s), s.Name, s.State, s.CallerIdName ?? "", s.CallerIdNumber ?? "",
        s.NetworkAddr ?? "", s.DestinationNumber ?? "", s.PresenceId ?? "", s.PresenceData ?? "", s.AccountCode ?? "",
        s.CallState, s.CalleeName ?? "", s.CalleeNumber ?? "", s.CalleeDirection ?? "",
    ];

    private string Created(ChannelSnapshot s) => ChannelBilling.Stamp(s.CreatedMicros, engine.Time.LocalTimeZone);

    private static string Epoch(ChannelSnapshot s) => (s.CreatedMicros / 1_000_000).ToString(CultureInfo.InvariantCulture);

    private static string Rate(string? codec, int value) => codec is null ? "" : value.ToString(CultureInfo.InvariantCulture);
}
