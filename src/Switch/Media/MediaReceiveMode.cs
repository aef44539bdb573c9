namespace Switch.Media;

/// <summary>How legs receive RTP.</summary>
internal enum MediaReceiveMode
{
    /// <summary><see cref="Epoll"/> on Linux, else <see cref="Async"/>.</summary>
    Automatic,

    /// <summary>
    /// A few dedicated media threads, each owning a Linux epoll set of many legs' non-blocking sockets and reading
    /// every ready one synchronously (<see cref="EpollMediaLoop"/>). Falls back to <see cref="Async"/> where epoll
    /// is not available.
    /// </summary>
    Epoll,

    /// <summary>One asynchronous receive loop per leg on the .NET socket engine (every OS).</summary>
    Async,
}
