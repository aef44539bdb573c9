namespace Switch.Sip.Dialogs;

/// <summary>
/// A dialog's identity (RFC 3261 §12): Call-ID plus the local and remote tags, from this side's point of view.
/// Compared exactly (Call-ID is case-sensitive; tags are random tokens compared as sent).
/// </summary>
internal readonly record struct SipDialogId(string CallId, string LocalTag, string RemoteTag)
{
    public override string ToString() => $"{CallId};local={LocalTag};remote={RemoteTag}";
}
