using System.Globalization;
using System.Text;
using Switch.Events;
using Switch.Registrar;

namespace Switch.Commands.Registrations;

/// <summary>
/// The <c>show registrations</c> part of mod_commands' <c>show</c>: FreeSWITCH's core registrations table
/// (reg_user, realm, token, url, expires, network_ip, network_port, network_proto, hostname, metadata).
/// The lead's <c>show</c> dispatcher calls <see cref="Format(bool)"/> or <see cref="FormatDelimited"/>.
/// </summary>
internal sealed class ShowRegistrations(LocationService locations, SwitchIdentity identity)
{
    public static readonly IReadOnlyList<string> Columns =
        ["reg_user", "realm", "token", "url", "expires", "network_ip", "network_port", "network_proto", "hostname", "metadata"];

    /// <summary>The default comma-separated listing, or with <paramref name="asJson"/> the <c>as json</c> form.</summary>
    public string Format(bool asJson) => asJson ? FormatJson() : FormatDelimited(",");

    /// <summary>
    /// The formatter for the <c>show</c> dispatcher: (asJson, countOnly). <c>count</c> prints
    /// <c>\nN total.\n</c>, or as JSON <c>{"row_count":N,"rows":[]}</c>, as mod_commands does.
    /// </summary>
    public string Format(bool asJson, bool countOnly)
    {
        if (!countOnly)
        {
            return Format(asJson);
        }
        var count = locations.GetAll().Count().ToString(CultureInfo.InvariantCulture);
        return asJson ? $"{{\"row_count\":{count},\"rows\":[]}}" : $"\n{count} total.\n";
    }

    /// <summary>Title line, one line per registration, a blank line and <c>N total.</c>; no title without rows.</summary>
    public string FormatDelimited(string delimiter)
    {
        var rows = Rows();
        var sb = new StringBuilder(128 + (rows.Count * 160));
        if (rows.Count > 0)
        {
            sb.AppendJoin(delimiter, Columns).Append('\n');
            foreach (var row in rows)
            {
                sb.AppendJoin(delimiter, row).Append('\n');
            }
        }
        sb.Append('\n').Append(rows.Count.ToString(CultureInfo.InvariantCulture)).Append(" total.\n");
        return sb.ToString();
    }

    /// <summary><c>{"row_count":N,"rows":[...]}</c> without a trailing LF, or <c>{"row_count": 0}</c> + LF when empty.</summary>
    public string FormatJson()
    {
        var rows = Rows();
        if (rows.Count == 0)
        {
            return "{\"row_count\": 0}\n";
        }
        var sb = new StringBuilder(64 + (rows.Count * 320));
        sb.Append("{\"row_count\":").Append(rows.Count.ToString(CultureInfo.InvariantCulture)).Append(",\"rows\":[");
        for (var r = 0; r < rows.Count; r++)
        {
            sb.Append(r == 0 ? "{" : ",{");
            for (var c = 0; c < Columns.Count; c++)
            {
                if (c > 0)
                {
                    sb.Append(',');
                }
                JsonText.AppendString(sb, Columns[c]);
                sb.Append(':');
                JsonText.AppendString(sb, rows[r][c]);
            }
            sb.Append('}');
        }
        sb.Append("]}");
        return sb.ToString();
    }

    private List<string[]> Rows()
    {
        var bindings = locations.GetAll().ToList();
        bindings.Sort(static (a, b) =>
        {
            var byUser = string.Compare(a.User, b.User, StringComparison.OrdinalIgnoreCase);
            return byUser != 0 ? byUser : string.Compare(a.ContactUri, b.ContactUri, StringComparison.Ordinal);
        });
        var rows = new List<string[]>(bindings.Count);
        foreach (var b in bindings)
        {
            rows.Add(
            [
                b.User,
                b.Domain,
                b.CallId,
                $"sofia/{SofiaContact.ProfileName}/{SofiaContact.Url(b)}",
                b.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                b.Received.Address.ToString(),
                b.Received.Port.ToString(CultureInfo.InvariantCulture),
                b.Transport switch { BindingTransport.Tcp => "tcp", BindingTransport.Tls => "tls", _ => "udp" },
                identity.Hostname,
                string.Empty,
            ]);
        }
        return rows;
    }
}
