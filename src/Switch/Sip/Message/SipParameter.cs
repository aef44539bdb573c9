namespace Switch.Sip.Message;

/// <summary>One <c>;name[=value]</c> parameter as written (quoted values keep their quotes); Value is null for a flag.</summary>
internal readonly record struct SipParameter(string Name, string? Value)
{
    public override string ToString() => Value is null ? Name : Name + "=" + Value;
}
