namespace Switch.Registrar;

/// <summary>
/// The live directory. Lookups read the current <see cref="DirectorySnapshot"/>; <see cref="Reload"/> swaps in a
/// new one atomically and never touches registrations.
/// </summary>
internal sealed class UserDirectory(DirectorySnapshot initial)
{
    private DirectorySnapshot _current = initial;

    public DirectorySnapshot Current => Volatile.Read(ref _current);

    public string Domain => Current.Domain;

    public bool IsUsingDefaultPasswords => Current.IsUsingDefaultPasswords;

    public bool TryGetUser(string id, out DirectoryUser user) => Current.TryGetUser(id, out user);

    public bool IsLocalDomain(string host) => Current.IsLocalDomain(host);

    public void Reload(DirectorySnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Volatile.Write(ref _current, next);
    }
}
