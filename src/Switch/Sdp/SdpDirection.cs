namespace Switch.Sdp;

/// <summary>RFC 4566 §6 / RFC 3264 §5.1 media direction, as flags: Send = 1, Receive = 2.</summary>
[Flags]
internal enum SdpDirection
{
    Inactive = 0,
    SendOnly = 1,
    RecvOnly = 2,
    SendRecv = SendOnly | RecvOnly,
}
