namespace Switch.Client;

/// <summary>Which registration event a <see cref="Registration"/> is.</summary>
public enum RegistrationKind
{
    /// <summary><c>sofia::register</c>: a phone registered or refreshed.</summary>
    Register = 0,

    /// <summary><c>sofia::unregister</c>: a phone unregistered.</summary>
    Unregister = 1,

    /// <summary><c>sofia::expire</c>: a registration timed out.</summary>
    Expire = 2,
}
