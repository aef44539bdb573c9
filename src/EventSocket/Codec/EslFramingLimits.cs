namespace Switch.EventSocket;

/// <summary>Size limits applied while framing. FS itself allows 10 MiB of headers and 16 MiB of body.</summary>
/// <param name="MaxHeaderBytes">Largest header block (command line + headers) accepted.</param>
/// <param name="MaxBodyBytes">Largest <c>Content-Length</c> accepted.</param>
public sealed record EslFramingLimits(int MaxHeaderBytes, int MaxBodyBytes)
{
    /// <summary>Server-side defaults: 1 MiB of headers, 16 MiB of body (FS's body limit).</summary>
    public static EslFramingLimits Default { get; } = new(1024 * 1024, EslConstants.MaxCommandBodyBytes);

    /// <summary>Client-side defaults for reading server messages: 10 MiB of headers, 256 MiB of body.</summary>
    public static EslFramingLimits Client { get; } = new(10 * 1024 * 1024, 256 * 1024 * 1024);
}
