namespace Switch.Calls;

/// <summary>
/// The calling party's part of a caller profile: who calls, from where, through which dialplan, with the
/// caller id as first given. Immutable and compared by value, so the legs of a call (a b-leg presents the
/// caller's id) and the calls of one phone share one instance; a profile that changes a field gets a new one.
/// </summary>
internal sealed record CallingParty(
    string? Username = null,
    string? Dialplan = null,
    string? Source = null,
    string? Context = null,
    string? CallerIdName = null,
    string? CallerIdNumber = null,
    string? OrigCallerIdName = null,
    string? OrigCallerIdNumber = null,
    string? Ani = null,
    string? NetworkAddr = null,
    string? InitialCallerIdName = null,
    string? InitialCallerIdNumber = null)
{
    public static CallingParty Empty { get; } = new();
}
