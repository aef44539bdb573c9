using System.Globalization;
using System.Net;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Benchmarks.Calls;

/// <summary>
/// The calling side of a whole-switch measurement: sends INVITEs (an X-Lite-like INVITE with its SDP, as in
/// the seed capture), ACKs every 2xx and answers BYE with 200. It keeps no per-call state, so whatever
/// memory the calls hold is the switch's.
/// </summary>
internal sealed class ScriptedCaller(MemorySipNetwork network, IPEndPoint local, IPEndPoint server) : ISipMessageSink
{
    private const string Sdp =
        "v=0\r\n" +
        "o=- 13153395802875591 1 IN IP4 192.0.2.55\r\n" +
        "s=X-Lite release 4.9.8 stamp 84253\r\n" +
        "c=IN IP4 192.0.2.55\r\n" +
        "t=0 0\r\n" +
        "m=audio 64836 RTP/AVP 9 8 120 0 84 101\r\n" +
        "a=rtpmap:120 opus/48000/2\r\n" +
        "a=fmtp:120 useinbandfec=1; usedtx=1; maxaveragebitrate=64000\r\n" +
        "a=rtpmap:84 speex/16000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=sendrecv\r\n";

    private readonly SipUri _requestUri = SipUri.Parse($"sip:1001@{server}");
    private long _answered;
    private long _byes;

    public long Answered => Interlocked.Read(ref _answered);

    public long Byes => Interlocked.Read(ref _byes);

    /// <summary>Sends a new INVITE from user 1000 to 1001 at the switch.</summary>
    public void Call()
    {
        var invite = SipMessageBuilder.Request(SipMethod.Invite, _requestUri)
            .AddHeader(SipHeaderNames.Via, $"SIP/2.0/UDP {local};branch={SipIdentifiers.NewBranch()};rport")
            .AddHeader(SipHeaderNames.MaxForwards, "70")
            .AddHeader(SipHeaderNames.Contact, $"<sip:1000@{local};rinstance=9d87a2b91a59c5b9>")
            .AddHeader(SipHeaderNames.To, $"<sip:1001@{server}>")
            .AddHeader(SipHeaderNames.From, $"\"1000\"<sip:1000@{server}>;tag={SipIdentifiers.NewTag()}")
            .AddHeader(SipHeaderNames.CallId, SipIdentifiers.NewCallId())
            .AddHeader(SipHeaderNames.CSeq, "1 INVITE")
            .AddHeader(SipHeaderNames.Allow, "SUBSCRIBE, NOTIFY, INVITE, ACK, CANCEL, BYE, REFER, INFO, OPTIONS, MESSAGE")
            .AddHeader(SipHeaderNames.Supported, "replaces")
            .AddHeader(SipHeaderNames.UserAgent, "X-Lite release 4.9.8 stamp 84253")
            .SetBody(Sdp, "application/sdp")
            .BuildRequest();
        network.Send(local, server, invite);
    }

    public void OnMessage(SipMessage message, SipFlow flow)
    {
        switch (message)
        {
            case SipResponse { IsSuccess: true, CSeq.Method: SipMethod.Invite } ok:
                network.Send(local, server, AckFor(ok, local));
                Interlocked.Increment(ref _answered);
                break;
            case SipRequest { Method: SipMethod.Bye } bye:
                network.Send(local, server, SipResponse.CreateFor(bye, 200));
                Interlocked.Increment(ref _byes);
                break;
            case SipRequest { IsAck: false } other:
                network.Send(local, server, SipResponse.CreateFor(other, 200));
                break;
        }
    }

    public void OnInvalidMessage(SipParseError error, SipFlow flow)
    {
    }

    /// <summary>The ACK for a 2xx, built from the 2xx alone (no dialog kept): to its Contact, same tags and CSeq number.</summary>
    internal static SipRequest AckFor(SipResponse ok, IPEndPoint local)
    {
        var target = ok.Contacts.Count > 0 ? ok.Contacts[0].Uri : throw new InvalidOperationException("2xx without Contact");
        return SipMessageBuilder.Request(SipMethod.Ack, target)
            .AddHeader(SipHeaderNames.Via, $"SIP/2.0/UDP {local};branch={SipIdentifiers.NewBranch()};rport")
            .AddHeader(SipHeaderNames.MaxForwards, "70")
            .AddHeader(SipHeaderNames.From, ok.GetHeader(SipHeaderNames.From)!)
            .AddHeader(SipHeaderNames.To, ok.GetHeader(SipHeaderNames.To)!)
            .AddHeader(SipHeaderNames.CallId, ok.CallId!)
            .AddHeader(SipHeaderNames.CSeq, ok.CSeq!.Value.Number.ToString(CultureInfo.InvariantCulture) + " ACK")
            .BuildRequest();
    }
}
