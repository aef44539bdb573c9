namespace Switch.EventSocket;

/// <summary>Outcome of one framing attempt over buffered bytes. Anything past <see cref="Complete"/> is connection-fatal.</summary>
public enum EslReadStatus
{
    /// <summary>More bytes are needed; nothing (or only skipped blank lines) consumed.</summary>
    Incomplete = 0,

    /// <summary>A whole command or message was read.</summary>
    Complete = 1,

    /// <summary>The header block exceeds <see cref="EslFramingLimits.MaxHeaderBytes"/> without ending.</summary>
    HeaderBlockTooLarge = 2,

    /// <summary>A negative or unparseable (server→client only) <c>Content-Length</c>.</summary>
    InvalidContentLength = 3,

    /// <summary><c>Content-Length</c> above <see cref="EslFramingLimits.MaxBodyBytes"/>.</summary>
    BodyTooLarge = 4,
}
