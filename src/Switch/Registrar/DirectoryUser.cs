namespace Switch.Registrar;

/// <summary>A user as the registrar and the call engine see it.</summary>
internal sealed record DirectoryUser(
    string Id,
    string Password,
    string EffectiveCallerIdName,
    string EffectiveCallerIdNumber,
    IReadOnlyDictionary<string, string> Variables);
