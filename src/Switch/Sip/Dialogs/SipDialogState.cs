namespace Switch.Sip.Dialogs;

/// <summary>RFC 3261 §12 dialog states.</summary>
internal enum SipDialogState
{
    /// <summary>Created by a provisional response with a To tag.</summary>
    Early,

    /// <summary>A 2xx was sent or received.</summary>
    Confirmed,

    /// <summary>BYE sent or received, or the INVITE failed.</summary>
    Terminated,
}
