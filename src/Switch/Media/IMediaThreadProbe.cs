namespace Switch.Media;

/// <summary>
/// Measurement hook of an <see cref="EpollMediaLoop"/> (benchmarks): called on the media thread after each datagram
/// was handled (received, and relayed when bridged), with the <see cref="System.Diagnostics.Stopwatch"/> timestamp
/// at which the thread woke from <c>epoll_wait</c> for it. Must not block.
/// </summary>
internal interface IMediaThreadProbe
{
    void OnDatagram(MediaLeg leg, long wokenAt);
}
