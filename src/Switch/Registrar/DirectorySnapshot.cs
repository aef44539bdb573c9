using System.Collections.Frozen;
using System.Globalization;

namespace Switch.Registrar;

/// <summary>An immutable, validated directory: what <see cref="UserDirectory"/> serves until the next reload.</summary>
internal sealed class DirectorySnapshot
{
    /// <summary>The password of the embedded default users; its use is reported by IsUsingDefaultPasswords.</summary>
    public const string DefaultPassword = "1234";

    private readonly FrozenDictionary<string, DirectoryUser> _users;
    private readonly FrozenSet<string> _hosts;

    private DirectorySnapshot(string domain, IEnumerable<string> aliases, IEnumerable<DirectoryUser> users, bool isEmbeddedDefault)
    {
        Domain = domain;
        _users = users.ToFrozenDictionary(u => u.Id, StringComparer.OrdinalIgnoreCase);
        _hosts = aliases.Append(domain).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        IsEmbeddedDefault = isEmbeddedDefault;
        IsUsingDefaultPasswords = _users.Values.Any(u => u.Password == DefaultPassword);
    }

    /// <summary>The domain users register in; also the digest realm.</summary>
    public string Domain { get; }

    public bool IsEmbeddedDefault { get; }

    /// <summary>True when any user has the well-known password 1234 (the host should warn on public listeners).</summary>
    public bool IsUsingDefaultPasswords { get; }

    public IReadOnlyCollection<DirectoryUser> Users => _users.Values;

    public bool TryGetUser(string id, out DirectoryUser user) => _users.TryGetValue(id, out user!);

    /// <summary>True when <paramref name="host"/> names this domain (the domain or an alias).</summary>
    public bool IsLocalDomain(string host) => _hosts.Contains(host);

    /// <summary>Users 1000-1019 with password 1234, as FreeSWITCH ships them.</summary>
    public static DirectorySnapshot CreateDefault(string domain, IEnumerable<string>? aliases = null)
    {
        var users = new List<DirectoryUser>(20);
        for (var n = 1000; n <= 1019; n++)
        {
            var id = n.ToString(CultureInfo.InvariantCulture);
            users.Add(new DirectoryUser(id, DefaultPassword, $"Extension {id}", id, DefaultVariables(id)));
        }
        return new DirectorySnapshot(domain, aliases ?? [], users, isEmbeddedDefault: true);
    }

    /// <summary>
    /// Builds a snapshot from configuration; <paramref name="defaultDomain"/> is used when the section names
    /// none. Returns false with one message per problem, each naming its configuration key.
    /// </summary>
    public static bool TryCreate(DirectoryOptions? options, string defaultDomain, out DirectorySnapshot snapshot,
        out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var domain = string.IsNullOrWhiteSpace(options?.Domain) ? defaultDomain : options!.Domain!.Trim();
        if (string.IsNullOrWhiteSpace(domain) || domain.Any(char.IsWhiteSpace))
        {
            problems.Add($"directory:Domain: '{domain}' is not a host name");
        }
        var aliases = options?.Aliases?.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToArray() ?? [];

        if (options?.Users is not { Count: > 0 } configured)
        {
            snapshot = CreateDefault(domain, aliases);
            errors = problems;
            return problems.Count == 0;
        }

        var users = new List<DirectoryUser>(configured.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < configured.Count; i++)
        {
            var u = configured[i];
            var key = $"directory:Users:{i}";
            if (string.IsNullOrWhiteSpace(u.Id) || !u.Id.All(IsUserChar))
            {
                problems.Add($"{key}:Id: '{u.Id}' is not a valid SIP user");
                continue;
            }
            if (!seen.Add(u.Id))
            {
                problems.Add($"{key}:Id: user '{u.Id}' is defined twice");
                continue;
            }
            if (string.IsNullOrEmpty(u.Password))
            {
                problems.Add($"{key}:Password: user '{u.Id}' has no password");
                continue;
            }
            var variables = u.Variables is null
                ? DefaultVariables(u.Id)
                : u.Variables.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
            users.Add(new DirectoryUser(u.Id, u.Password, u.DisplayName ?? $"Extension {u.Id}",
                u.CallerIdNumber ?? u.Id, variables));
        }

        snapshot = new DirectorySnapshot(domain, aliases, users, isEmbeddedDefault: false);
        errors = problems;
        return problems.Count == 0;
    }

    private static FrozenDictionary<string, string> DefaultVariables(string id) =>
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["user_context"] = "default",
            ["accountcode"] = id,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>RFC 3261 user part characters (unreserved / user-unreserved), no escapes.</summary>
    private static bool IsUserChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "-_.!~*'()&=+$,;?/".Contains(c, StringComparison.Ordinal);
}
