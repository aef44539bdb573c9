using Switch.Commands.Registrations;
using Switch.Registrar;

namespace Switch.Tests.Registrar;

public sealed class RegistrationCommandsTests
{
    private sealed class FakeProfile : ISofiaProfile
    {
        public string Url => "sip:mod_sofia@192.0.2.10:5060";
        public string SipIp => "192.0.2.10";
        public int SessionsInUse => 2;
        public List<bool> TraceCalls { get; } = [];
        public void SetSipTrace(bool enabled) => TraceCalls.Add(enabled);
    }

    private static async Task<RegistrarFixture> WithTwoRegistrations()
    {
        var f = new RegistrarFixture();
        await f.Locations.PutAsync(f.Binding(user: "1001", contact: "sip:1001@192.0.2.55:5060;transport=udp", display: "1001") with
        {
            CallId = "a84b4c76e66710@192.0.2.55",
        });
        await f.Locations.PutAsync(f.Binding(user: "1000", contact: "sip:1000-0x55c6@10.0.0.5:5060", nat: true, transport: BindingTransport.Udp) with
        {
            CallId = "c2",
            UserAgent = "baresip",
        });
        return f;
    }

    private static SofiaCommand Sofia(RegistrarFixture f, FakeProfile? profile = null) =>
        new(f.Locations, new UserDirectory(DirectorySnapshot.CreateDefault("192.0.2.10")), RegistrarFixture.Identity,
            profile ?? new FakeProfile());

    [Fact]
    public async Task Show_registrations_prints_freeswitchs_csv()
    {
        await using var f = await WithTwoRegistrations();
        var expires = f.Time.GetUtcNow().AddSeconds(3600).ToUnixTimeSeconds();

        var text = new ShowRegistrations(f.Locations, RegistrarFixture.Identity).Format(asJson: false);

        Assert.Equal(
            "reg_user,realm,token,url,expires,network_ip,network_port,network_proto,hostname,metadata\n" +
            $"1000,192.0.2.10,c2,sofia/internal/sip:1000-0x55c6@10.0.0.5:5060;fs_nat=yes;fs_path=sip%3A1000-0x55c6%40203.0.113.9%3A40123,{expires},203.0.113.9,40123,udp,sw1,\n" +
            $"1001,192.0.2.10,a84b4c76e66710@192.0.2.55,sofia/internal/sip:1001@192.0.2.55:5060;transport=udp,{expires},192.0.2.55,5060,udp,sw1,\n" +
            "\n2 total.\n", text);
    }

    [Fact]
    public async Task Show_registrations_as_json_is_one_unformatted_object()
    {
        await using var f = await WithTwoRegistrations();
        var expires = f.Time.GetUtcNow().AddSeconds(3600).ToUnixTimeSeconds();

        var json = new ShowRegistrations(f.Locations, RegistrarFixture.Identity).Format(asJson: true);

        Assert.StartsWith("{\"row_count\":2,\"rows\":[{\"reg_user\":\"1000\",\"realm\":\"192.0.2.10\",\"token\":\"c2\",", json, StringComparison.Ordinal);
        Assert.EndsWith($"\"expires\":\"{expires}\",\"network_ip\":\"192.0.2.55\",\"network_port\":\"5060\",\"network_proto\":\"udp\",\"hostname\":\"sw1\",\"metadata\":\"\"}}]}}", json, StringComparison.Ordinal);
        var parsed = Newtonsoft.Json.Linq.JObject.Parse(json);
        Assert.Equal(2, (int)parsed["row_count"]!);
        Assert.Equal("1001", (string?)parsed["rows"]![1]!["reg_user"]);
    }

    [Fact]
    public async Task Show_registrations_with_no_rows()
    {
        await using var f = new RegistrarFixture();
        var show = new ShowRegistrations(f.Locations, RegistrarFixture.Identity);

        Assert.Equal("\n0 total.\n", show.Format(asJson: false));
        Assert.Equal("{\"row_count\": 0}\n", show.Format(asJson: true));
    }

    [Fact]
    public async Task Show_registrations_count()
    {
        await using var f = await WithTwoRegistrations();
        var show = new ShowRegistrations(f.Locations, RegistrarFixture.Identity);

        Assert.Equal("\n2 total.\n", show.Format(asJson: false, countOnly: true));
        Assert.Equal("{\"row_count\":2,\"rows\":[]}", show.Format(asJson: true, countOnly: true));
    }

    [Fact]
    public async Task Sofia_status_profile_internal_reg_prints_the_registrations_block()
    {
        await using var f = await WithTwoRegistrations();
        f.Time.Advance(TimeSpan.FromSeconds(1));
        var exp = f.Time.GetUtcNow().AddSeconds(3599).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var rule = new string('=', 97);

        var text = await Sofia(f).ExecuteAsync("status profile internal reg 192.0.2.55", CancellationToken.None);

        Assert.Equal(
            $"\nRegistrations:\n{rule}\n" +
            "Call-ID:    \ta84b4c76e66710@192.0.2.55\n" +
            "User:       \t1001@192.0.2.10\n" +
            "Contact:    \t\"1001\" <sip:1001@192.0.2.55:5060;transport=udp>\n" +
            "Agent:      \tLinphone/5.2\n" +
            $"Status:     \tRegistered(UDP)(unknown) EXP({exp}) EXPSECS(3599)\n" +
            "Ping-Status:\tReachable\n" +
            "Ping-Time:\t0.00\n" +
            "Host:       \tsw1\n" +
            "IP:         \t192.0.2.55\n" +
            "Port:       \t5060\n" +
            "Auth-User:  \t1001\n" +
            "Auth-Realm: \t192.0.2.10\n" +
            "MWI-Account:\t1001@192.0.2.10\n\n" +
            $"Total items returned: 1\n{rule}\n", text);
    }

    [Fact]
    public async Task Sofia_status_profile_internal_reg_lists_all_and_user_filters()
    {
        await using var f = await WithTwoRegistrations();
        var sofia = Sofia(f);

        var all = await sofia.ExecuteAsync("status profile internal reg", CancellationToken.None);
        var one = await sofia.ExecuteAsync("status profile internal user 1000@192.0.2.10", CancellationToken.None);

        Assert.Contains("Total items returned: 2\n", all, StringComparison.Ordinal);
        Assert.Contains("Registered(UDP-NAT)(unknown)", all, StringComparison.Ordinal);
        Assert.Contains("Total items returned: 1\n", one, StringComparison.Ordinal);
        Assert.Contains("User:       \t1000@192.0.2.10\n", one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sofia_status_lists_the_internal_profile()
    {
        await using var f = new RegistrarFixture();

        var text = await Sofia(f).ExecuteAsync("status", CancellationToken.None);

        var rule = new string('=', 97);
        Assert.Equal(
            "                     Name\t   Type\t                                      Data\tState\n" +
            $"{rule}\n" +
            "                 internal\tprofile\t             sip:mod_sofia@192.0.2.10:5060\tRUNNING (2)\n" +
            $"{rule}\n1 profile 0 aliases\n", text);
    }

    [Fact]
    public async Task Sofia_status_profile_internal_shows_the_registration_count()
    {
        await using var f = await WithTwoRegistrations();

        var text = await Sofia(f).ExecuteAsync("status profile internal", CancellationToken.None);

        Assert.StartsWith(new string('=', 97) + "\nName             \tinternal\n", text, StringComparison.Ordinal);
        Assert.EndsWith("REGISTRATIONS    \t2\n", text, StringComparison.Ordinal);
        Assert.Equal("Invalid Profile!\n", await Sofia(f).ExecuteAsync("status profile external reg", CancellationToken.None));
    }

    [Fact]
    public async Task Sofia_global_siptrace_toggles_through_the_profile()
    {
        await using var f = new RegistrarFixture();
        var profile = new FakeProfile();
        var sofia = Sofia(f, profile);

        Assert.Equal("+OK Global siptrace on", await sofia.ExecuteAsync("global siptrace on", CancellationToken.None));
        Assert.Equal("+OK Global siptrace off", await sofia.ExecuteAsync("global siptrace off", CancellationToken.None));
        Assert.StartsWith("-ERR Usage: siptrace", await sofia.ExecuteAsync("global siptrace", CancellationToken.None), StringComparison.Ordinal);
        Assert.Equal([true, false], profile.TraceCalls);
        Assert.StartsWith("USAGE:\n", await sofia.ExecuteAsync("", CancellationToken.None), StringComparison.Ordinal);
        Assert.Equal("Unknown Command [frobnicate]\n", await sofia.ExecuteAsync("frobnicate", CancellationToken.None));
    }
}
