using Microsoft.Extensions.Options;

namespace Switch.Hosting;

/// <summary>Validates the whole configuration at start; each failure names its key.</summary>
internal sealed class SwitchOptionsValidator : IValidateOptions<SwitchOptions>
{
    public const string DefaultEslPassword = "ClueCon";

    public ValidateOptionsResult Validate(string? name, SwitchOptions options)
    {
        var failures = new List<string>();
        if (!NetworkAddress.TryParseEndPoint(options.Sip.Listen, out _))
        {
            failures.Add($"Sip:Listen (--sip-listen): '{options.Sip.Listen}' is not IP:PORT");
        }
        if (!NetworkAddress.TryParseEndPoint(options.EventSocket.Listen, out var esl))
        {
            failures.Add($"EventSocket:Listen (--esl-listen): '{options.EventSocket.Listen}' is not IP:PORT");
        }
        else if (!System.Net.IPAddress.IsLoopback(esl.Address) && options.EventSocket.Password == DefaultEslPassword)
        {
            failures.Add($"EventSocket:Password (--esl-password): the default password is refused on the non-loopback address {esl.Address}");
        }
        if (string.IsNullOrEmpty(options.EventSocket.Password))
        {
            failures.Add("EventSocket:Password (--esl-password): must not be empty");
        }
        for (var i = 0; i < options.EventSocket.Acl.Count; i++)
        {
            if (!NetworkAddress.TryParseNetwork(options.EventSocket.Acl[i], out _))
            {
                failures.Add($"EventSocket:Acl:{i}: '{options.EventSocket.Acl[i]}' is not a CIDR");
            }
        }
        for (var i = 0; i < options.EventSocket.Outbound.Count; i++)
        {
            var address = options.EventSocket.Outbound[i].Address;
            if (string.IsNullOrWhiteSpace(address) || !address.Contains(':', StringComparison.Ordinal))
            {
                failures.Add($"EventSocket:Outbound:{i}:Address: '{address}' is not HOST:PORT");
            }
        }
        for (var i = 0; i < options.Sip.TrustedNetworks.Count; i++)
        {
            if (!NetworkAddress.TryParseNetwork(options.Sip.TrustedNetworks[i], out _))
            {
                failures.Add($"Sip:TrustedNetworks:{i}: '{options.Sip.TrustedNetworks[i]}' is not a CIDR");
            }
        }
        if (options.Sip.T1Milliseconds is < 50 or > 10_000)
        {
            failures.Add($"Sip:T1Milliseconds: {options.Sip.T1Milliseconds} is outside 50..10000");
        }
        if (options.Sip.T2Milliseconds < options.Sip.T1Milliseconds)
        {
            failures.Add($"Sip:T2Milliseconds: {options.Sip.T2Milliseconds} is below T1");
        }
        if (!NetworkAddress.TryParsePortRange(options.Rtp.Ports, out _, out _))
        {
            failures.Add($"Rtp:Ports (--rtp-ports): '{options.Rtp.Ports}' is not FROM-TO within 1024-65535 with at least 4 ports");
        }
        if (options.Media.Threads is < 0 or > 64)
        {
            failures.Add($"Media:Threads: {options.Media.Threads} is outside 0..64 (0 = one per processor, at most 4)");
        }
        if (options.Calls.ParkTimeoutSeconds < 1)
        {
            failures.Add($"Calls:ParkTimeoutSeconds: {options.Calls.ParkTimeoutSeconds} must be at least 1");
        }
        failures.AddRange(options.Registrar.Validate());
        if (options.Digest.NonceLifetime <= TimeSpan.Zero)
        {
            failures.Add("Digest:NonceLifetime must be positive");
        }
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            failures.Add("DataDir (--data-dir): must not be empty");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
