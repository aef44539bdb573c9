using System.Globalization;
using Switch.EventSocket;

namespace Switch.Client;

/// <summary>
/// CUSTOM <c>sofia::register</c> / <c>sofia::unregister</c> / <c>sofia::expire</c> (ESL-PROTOCOL.md §6.7).
/// Subscribe with <c>CUSTOM sofia::register sofia::unregister sofia::expire</c>.
/// </summary>
public sealed class Registration : EventMessage
{
    internal Registration(EslEvent raw)
        : base(raw)
    {
        Kind = raw.EventSubclass switch
        {
            EventNames.SofiaUnregister => RegistrationKind.Unregister,
            EventNames.SofiaExpire => RegistrationKind.Expire,
            _ => RegistrationKind.Register,
        };
    }

    /// <summary>Register, unregister or expire.</summary>
    public RegistrationKind Kind { get; }

    /// <summary>The registered user: <c>from-user</c>, else <c>username</c>, else <c>user</c> (expire events).</summary>
    public string? User => this["from-user"] ?? this["username"] ?? this["user"];

    /// <summary>The domain: <c>from-host</c>, else <c>realm</c>, else <c>host</c>.</summary>
    public string? Domain => this["from-host"] ?? this["realm"] ?? this["host"];

    /// <summary><c>contact</c>: the full Contact header value.</summary>
    public string? Contact => this["contact"];

    /// <summary><c>expires</c> in seconds.</summary>
    public int? Expires => int.TryParse(this["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;

    /// <summary><c>status</c>, e.g. <c>Registered(UDP)</c>.</summary>
    public string? Status => this["status"];

    /// <summary><c>network-ip</c>: where the REGISTER came from.</summary>
    public string? NetworkIp => this["network-ip"];

    /// <summary><c>network-port</c>.</summary>
    public int? NetworkPort => int.TryParse(this["network-port"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;

    /// <summary><c>user-agent</c>.</summary>
    public string? UserAgent => this["user-agent"];

    /// <summary><c>call-id</c> of the REGISTER dialog.</summary>
    public string? CallId => this["call-id"];

    /// <summary><c>profile-name</c>, e.g. <c>internal</c>.</summary>
    public string? ProfileName => this["profile-name"];

    internal static bool IsRegistrationSubclass(string? subclass) =>
        subclass is EventNames.SofiaRegister or EventNames.SofiaUnregister or EventNames.SofiaExpire;
}
