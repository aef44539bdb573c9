namespace Switch.Registrar;

/// <summary>
/// One pending write to a durable binding store: <see cref="Put"/> adds or replaces the binding with this key,
/// null removes it.
/// </summary>
internal readonly record struct BindingChange(string User, string Domain, string Key, Binding? Put)
{
    public static BindingChange Upsert(Binding binding) => new(binding.User, binding.Domain, binding.Key, binding);

    public static BindingChange Delete(string user, string domain, string key) => new(user, domain, key, null);
}
