namespace Switch.Sip.Message;

/// <summary>What to do with a message after validation.</summary>
internal enum SipValidationVerdict
{
    /// <summary>Process it normally.</summary>
    Accept,

    /// <summary>Answer with <see cref="SipValidationResult.Status"/> (statelessly).</summary>
    Reject,

    /// <summary>Discard silently (responses that cannot be handled).</summary>
    Drop,
}
