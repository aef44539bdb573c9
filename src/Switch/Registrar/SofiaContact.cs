using System.Text;

namespace Switch.Registrar;

/// <summary>
/// How mod_sofia writes a registration's contact in events, <c>sofia status</c> and <c>show registrations</c>:
/// <c>"display" &lt;uri;fs_nat=yes;fs_path=...&gt;</c>, the NAT parameters only when the phone is behind NAT.
/// </summary>
internal static class SofiaContact
{
    /// <summary>The profile every registration belongs to, as FreeSWITCH's default configuration names it.</summary>
    public const string ProfileName = "internal";

    /// <summary>The contact_str FreeSWITCH stores: display name (quoted, "" when none) and the bracketed URL.</summary>
    public static string Format(Binding binding)
    {
        var sb = new StringBuilder(binding.ContactUri.Length + 64);
        var display = binding.Display;
        if (string.IsNullOrEmpty(display))
        {
            sb.Append("\"\"");
        }
        else if (display.Contains('"', StringComparison.Ordinal))
        {
            sb.Append(display);
        }
        else
        {
            sb.Append('"').Append(display).Append('"');
        }
        sb.Append(" <");
        AppendUrl(sb, binding);
        sb.Append('>');
        return sb.ToString();
    }

    /// <summary>The URL part (what is inside the angle brackets of <see cref="Format"/>).</summary>
    public static string Url(Binding binding)
    {
        var sb = new StringBuilder(binding.ContactUri.Length + 64);
        AppendUrl(sb, binding);
        return sb.ToString();
    }

    private static void AppendUrl(StringBuilder sb, Binding binding)
    {
        sb.Append(binding.ContactUri);
        if (!binding.BehindNat)
        {
            return;
        }
        // fs_path: where the phone really is (received address), keeping the contact's user and parameters.
        var uri = binding.ContactUri;
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? uri[..colon] : "sip";
        var rest = colon > 0 ? uri[(colon + 1)..] : uri;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        var user = at >= 0 ? rest[..at] : string.Empty;
        var semicolon = rest.IndexOf(';', at + 1);
        var parameters = semicolon >= 0 ? rest[semicolon..] : string.Empty;
        var address = binding.Received.Address;
        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        var path = string.Concat(scheme, ":", user, user.Length > 0 ? "@" : "", host, ":",
            binding.Received.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), parameters);
        sb.Append(";fs_nat=yes;fs_path=").Append(Uri.EscapeDataString(path));
    }
}
