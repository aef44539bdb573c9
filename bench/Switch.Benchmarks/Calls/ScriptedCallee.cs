using System.Net;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Benchmarks.Calls;

/// <summary>
/// The called side: every INVITE rings (180) and is answered at once (200 with SDP); ACKs are counted; BYE
/// and CANCEL get 200. No per-call state.
/// </summary>
internal sealed class ScriptedCallee(MemorySipNetwork network, IPEndPoint local) : ISipMessageSink
{
    private const string Sdp =
        "v=0\r\n" +
        "o=- 3951428372 3951428373 IN IP4 192.0.2.66\r\n" +
        "s=pjmedia\r\n" +
        "c=IN IP4 192.0.2.66\r\n" +
        "t=0 0\r\n" +
        "m=audio 59974 RTP/AVP 8 101\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\n" +
        "a=sendrecv\r\n";

    private long _acks;
    private long _byes;

    public long Acks => Interlocked.Read(ref _acks);

    public long Byes => Interlocked.Read(ref _byes);

    public void OnMessage(SipMessage message, SipFlow flow)
    {
        if (message is not SipRequest request)
        {
            return;
        }
        var to = request.TopVia is { } via && SipViaStamp.ResponseTarget(via) is { } target ? target : flow.Remote;
        switch (request.Method)
        {
            case SipMethod.Invite when request.ToTag is null:
                var tag = SipIdentifiers.NewTag();
                var contact = $"<sip:1001@{local};ob>";
                network.Send(local, to, SipResponse.BuilderFor(request, 180, null, tag).AddHeader(SipHeaderNames.Contact, contact).BuildResponse());
                network.Send(local, to, SipResponse.BuilderFor(request, 200, null, tag)
                    .AddHeader(SipHeaderNames.Contact, contact)
                    .AddHeader(SipHeaderNames.Allow, "PRACK, INVITE, ACK, BYE, CANCEL, UPDATE, INFO, SUBSCRIBE, NOTIFY, REFER, MESSAGE, OPTIONS")
                    .AddHeader(SipHeaderNames.Supported, "replaces, 100rel, timer, norefersub")
                    .SetBody(Sdp, "application/sdp")
                    .BuildResponse());
                break;
            case SipMethod.Ack:
                Interlocked.Increment(ref _acks);
                break;
            case SipMethod.Bye:
                network.Send(local, to, SipResponse.CreateFor(request, 200));
                Interlocked.Increment(ref _byes);
                break;
            default:
                network.Send(local, to, SipResponse.CreateFor(request, 200));
                break;
        }
    }

    public void OnInvalidMessage(SipParseError error, SipFlow flow)
    {
    }
}
