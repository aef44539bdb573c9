using System.Globalization;
using Switch.Events;

namespace Switch.Registrar;

/// <summary>
/// Publishes mod_sofia's CUSTOM registration events with exactly its headers (ESL-PROTOCOL.md §6.7):
/// <c>sofia::register</c>, <c>sofia::unregister</c> and <c>sofia::expire</c>.
/// </summary>
internal sealed class RegistrationEvents(EventBus bus)
{
    public const string Register = "sofia::register";
    public const string Unregister = "sofia::unregister";
    public const string Expire = "sofia::expire";

    /// <summary>
    /// A binding was added or refreshed (<paramref name="isRefresh"/> adds <c>update-reg: true</c>).
    /// <paramref name="fromUser"/>/<paramref name="fromHost"/> are the REGISTER's From URI parts (FreeSWITCH
    /// names them to-user/to-host); <paramref name="expires"/> is the granted interval in seconds.
    /// </summary>
    public void Registered(Binding binding, string? fromUser, string? fromHost, int expires, bool isRefresh)
    {
        if (!bus.Wants("CUSTOM", Register))
        {
            return;
        }
        var e = new SwitchEventBuilder("CUSTOM", Register, "sofia_reg.c", "sofia_reg_handle_register_token", 2059)
            .Add("profile-name", SofiaContact.ProfileName)
            .Add("from-user", binding.User)
            .Add("from-host", binding.Domain)
            .Add("presence-hosts", "n/a")
            .Add("contact", SofiaContact.Format(binding))
            .Add("call-id", binding.CallId)
            .Add("rpid", "unknown")
            .Add("status", binding.Status)
            .Add("expires", expires)
            .Add("to-user", fromUser ?? binding.User)
            .Add("to-host", fromHost ?? binding.Domain)
            .Add("network-ip", binding.Received.Address.ToString())
            .Add("network-port", binding.Received.Port)
            .Add("username", binding.AuthUser)
            .Add("realm", binding.Domain)
            .Add("user-agent", binding.UserAgent ?? "unknown");
        if (isRefresh)
        {
            e.Add("update-reg", "true");
        }
        bus.Publish(e);
    }

    /// <summary>A binding was removed by the phone (Expires: 0, Contact: *).</summary>
    public void Unregistered(Binding binding)
    {
        if (!bus.Wants("CUSTOM", Unregister))
        {
            return;
        }
        bus.Publish(new SwitchEventBuilder("CUSTOM", Unregister, "sofia_reg.c", "sofia_reg_handle_register_token", 2213)
            .Add("profile-name", SofiaContact.ProfileName)
            .Add("username", binding.AuthUser)
            .Add("from-user", binding.User)
            .Add("from-host", binding.Domain)
            .Add("contact", SofiaContact.Format(binding))
            .Add("call-id", binding.CallId)
            .Add("rpid", "unknown")
            .Add("realm", binding.Domain)
            .Add("network-ip", binding.Received.Address.ToString())
            .Add("network-port", binding.Received.Port)
            .Add("user-agent", binding.UserAgent ?? "unknown")
            .Add("expires", 0));
    }

    /// <summary>A binding timed out. <c>expires</c> is the stored expiry as Unix seconds, as FreeSWITCH sends it.</summary>
    public void Expired(Binding binding)
    {
        if (!bus.Wants("CUSTOM", Expire))
        {
            return;
        }
        bus.Publish(new SwitchEventBuilder("CUSTOM", Expire, "sofia_reg.c", "sofia_reg_del_callback", 726)
            .Add("profile-name", SofiaContact.ProfileName)
            .Add("call-id", binding.CallId)
            .Add("user", binding.User)
            .Add("username", binding.User)
            .Add("host", binding.Domain)
            .Add("contact", SofiaContact.Format(binding))
            .Add("expires", binding.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .Add("user-agent", binding.UserAgent ?? "unknown")
            .Add("realm", binding.Domain)
            .Add("network-ip", binding.Received.Address.ToString())
            .Add("network-port", binding.Received.Port));
    }
}
