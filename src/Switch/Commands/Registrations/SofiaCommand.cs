using System.Globalization;
using System.Text;
using Switch.Events;
using Switch.Registrar;

namespace Switch.Commands.Registrations;

/// <summary>
/// mod_sofia's <c>sofia</c> api command, the parts a controller uses: <c>sofia status</c>,
/// <c>sofia status profile internal [reg [filter] | user user@domain]</c> and
/// <c>sofia global siptrace on|off</c>, printed in FreeSWITCH's layout.
/// </summary>
internal sealed class SofiaCommand(LocationService locations, UserDirectory directory, SwitchIdentity identity,
    ISofiaProfile profile) : IApiCommand
{
    /// <summary>The 97-character rule mod_sofia prints around its tables.</summary>
    public const string Line = "=================================================================================================";

    private const string UsageText = "USAGE:\n"
        + "--------------------------------------------------------------------------------\n"
        + "sofia global siptrace <on|off>\n"
        + "sofia        capture  <on|off>\n"
        + "             watchdog <on|off>\n\n"
        + "sofia profile <name> [start | stop | restart | rescan] [wait]\n"
        + "                     flush_inbound_reg [<call_id> | <[user]@domain>] [reboot]\n"
        + "                     check_sync [<call_id> | <[user]@domain>]\n"
        + "                     [register | unregister] [<gateway name> | all]\n"
        + "                     killgw <gateway name>\n"
        + "                     [stun-auto-disable | stun-enabled] [true | false]]\n"
        + "                     siptrace <on|off>\n"
        + "                     capture  <on|off>\n"
        + "                     watchdog <on|off>\n\n"
        + "sofia <status|xmlstatus> profile <name> [reg [<contact str>]] | [pres <pres str>] | [user <user@domain>]\n"
        + "sofia <status|xmlstatus> gateway <name>\n\n"
        + "sofia loglevel <all|default|tport|iptsec|nea|nta|nth_client|nth_server|nua|soa|sresolv|stun> [0-9]\n"
        + "sofia tracelevel <console|alert|crit|err|warning|notice|info|debug>\n\n"
        + "sofia help\n"
        + "--------------------------------------------------------------------------------\n";

    public string Name => "sofia";

    public string Syntax => "<cmd> <args>";

    public ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var argv = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (argv.Length == 0 || Is(argv[0], "help"))
        {
            return ValueTask.FromResult(UsageText);
        }
        var output = argv[0].ToLowerInvariant() switch
        {
            "status" => Status(argv.AsSpan(1)),
            "global" => Global(argv.AsSpan(1)),
            _ => $"Unknown Command [{argv[0]}]\n",
        };
        return ValueTask.FromResult(output);
    }

    private string Global(ReadOnlySpan<string> argv)
    {
        if (argv.Length > 1 && Is(argv[0], "siptrace"))
        {
            var on = IsTrue(argv[1]);
            profile.SetSipTrace(on);
            return on ? "+OK Global siptrace on" : "+OK Global siptrace off";
        }
        return "-ERR Usage: siptrace <on|off>|capture <on|off>|watchdog <on|off>|debug <sla|presence|none";
    }

    private string Status(ReadOnlySpan<string> argv)
    {
        if (argv.Length == 0)
        {
            return ProfileList();
        }
        if (argv.Length == 1)
        {
            // "sofia status <word>": FreeSWITCH prints its gateway summary; this switch has no gateways.
            return $"{"Profile::Gateway-Name",25}\t{"    Data    ",32}\tState\t{"Ping Time",9}\tIB Calls(F/T)\tOB Calls(F/T)\n"
                + $"{Line}\n{Line}\n0 gateways: Inbound(Failed/Total): 0/0,Outbound(Failed/Total):0/0\n";
        }
        if (Is(argv[0], "gateway"))
        {
            return "Invalid Gateway!\n";
        }
        if (!Is(argv[0], "profile"))
        {
            return "Invalid Syntax!\n";
        }
        if (!Is(argv[1], SofiaContact.ProfileName))
        {
            return "Invalid Profile!\n";
        }

        var sb = new StringBuilder(1024);
        var section = argv.Length > 2 ? argv[2] : null;
        var listsRegistrations = section is not null && (Is(section, "reg") || Is(section, "user"));
        if (!listsRegistrations)
        {
            AppendProfileDetails(sb);
        }
        if (section is not null && Is(section, "reg"))
        {
            AppendRegistrations(sb, argv.Length > 3 ? ContactFilter(argv[3]) : null);
        }
        else if (section is not null && Is(section, "user") && argv.Length > 3)
        {
            AppendRegistrations(sb, UserFilter(argv[3]));
        }
        return sb.ToString();
    }

    private string ProfileList()
    {
        var sb = new StringBuilder(512);
        sb.Append(CultureInfo.InvariantCulture, $"{"Name",25}\t{"   Type"}\t  {"Data",40}\t{"State"}\n");
        sb.Append(Line).Append('\n');
        sb.Append(CultureInfo.InvariantCulture,
            $"{SofiaContact.ProfileName,25}\t{"profile"}\t  {profile.Url,40}\tRUNNING ({profile.SessionsInUse})\n");
        sb.Append(Line).Append('\n');
        sb.Append("1 profile 0 aliases\n");
        return sb.ToString();
    }

    private void AppendProfileDetails(StringBuilder sb)
    {
        var registrations = locations.GetAll().Count();
        sb.Append(Line).Append('\n');
        sb.Append("Name             \t").Append(SofiaContact.ProfileName).Append('\n');
        sb.Append("Domain Name      \t").Append(directory.Domain).Append('\n');
        sb.Append("Auto-NAT         \tfalse\n");
        sb.Append("DBName           \tsofia_reg_internal\n");
        sb.Append("Pres Hosts       \t").Append(directory.Domain).Append('\n');
        sb.Append("Dialplan         \tXML\n");
        sb.Append("Context          \tpublic\n");
        sb.Append("Challenge Realm  \tauto_to\n");
        sb.Append("SIP-IP           \t").Append(profile.SipIp).Append('\n');
        sb.Append("URL              \t").Append(profile.Url).Append('\n');
        sb.Append("BIND-URL         \t").Append(profile.Url).Append('\n');
        sb.Append("REGISTRATIONS    \t").Append(registrations.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private void AppendRegistrations(StringBuilder sb, Func<Binding, bool>? filter)
    {
        var now = locations.Time.GetUtcNow();
        var zone = locations.Time.LocalTimeZone;
        sb.Append("\nRegistrations:\n").Append(Line).Append('\n');
        var count = 0;
        foreach (var b in locations.GetAll().OrderBy(b => b.User, StringComparer.OrdinalIgnoreCase).ThenBy(b => b.ContactUri, StringComparer.Ordinal))
        {
            if (filter is not null && !filter(b))
            {
                continue;
            }
            count++;
            var expiresLocal = TimeZoneInfo.ConvertTime(b.ExpiresAt, zone);
            sb.Append("Call-ID:    \t").Append(b.CallId).Append('\n');
            sb.Append("User:       \t").Append(b.User).Append('@').Append(b.Domain).Append('\n');
            sb.Append("Contact:    \t").Append(SofiaContact.Format(b)).Append('\n');
            sb.Append("Agent:      \t").Append(b.UserAgent ?? "unknown").Append('\n');
            sb.Append("Status:     \t").Append(b.Status).Append("(unknown) EXP(")
                .Append(expiresLocal.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                .Append(") EXPSECS(").Append(((long)(b.ExpiresAt - now).TotalSeconds).ToString(CultureInfo.InvariantCulture)).Append(")\n");
            sb.Append("Ping-Status:\tReachable\n");
            sb.Append("Ping-Time:\t0.00\n");
            sb.Append("Host:       \t").Append(identity.Hostname).Append('\n');
            sb.Append("IP:         \t").Append(b.Received.Address.ToString()).Append('\n');
            sb.Append("Port:       \t").Append(b.Received.Port.ToString(CultureInfo.InvariantCulture)).Append('\n');
            sb.Append("Auth-User:  \t").Append(b.AuthUser).Append('\n');
            sb.Append("Auth-Realm: \t").Append(b.Domain).Append('\n');
            sb.Append("MWI-Account:\t").Append(b.User).Append('@').Append(b.Domain).Append("\n\n");
        }
        sb.Append("Total items returned: ").Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(Line).Append('\n');
    }

    /// <summary>mod_sofia's <c>contact like '%filter%'</c> (SQLite LIKE: ASCII case-insensitive).</summary>
    private static Func<Binding, bool> ContactFilter(string text) =>
        b => SofiaContact.Format(b).Contains(text, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>user@host</c>, <c>user@</c> or <c>host</c>, as mod_sofia splits it.</summary>
    private static Func<Binding, bool> UserFilter(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var user = at >= 0 ? text[..at] : string.Empty;
        var host = at >= 0 ? text[(at + 1)..] : text;
        return b => (user.Length == 0 || string.Equals(b.User, user, StringComparison.Ordinal))
            && (host.Length == 0 || string.Equals(b.Domain, host, StringComparison.Ordinal));
    }

    private static bool Is(string word, string expected) => string.Equals(word, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>FreeSWITCH's switch_true: yes, on, true, t, enabled, active, allow, or a non-zero number.</summary>
    private static bool IsTrue(string value) =>
        value.ToLowerInvariant() is "yes" or "on" or "true" or "t" or "enabled" or "active" or "allow"
        || (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n != 0);
}
