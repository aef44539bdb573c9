using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Tests.Calls.Sip;

/// <summary>
/// A scripted SIP phone on the in-memory network, with its own transaction layer: places calls, receives
/// them, answers, hangs up, and records every request and response it sees. BYE, UPDATE and INFO get 200
/// automatically; a re-INVITE is answered with the phone's current SDP unless the test holds it.
/// </summary>
internal sealed class TestPhone : ISipRequestHandler, IDisposable
{
    public static readonly IPEndPoint Switch = new(IPAddress.Parse("192.0.2.10"), 5060);
    private readonly ConcurrentDictionary<string, PhoneCall> _calls = new();
    private readonly AsyncLog<PhoneCall> _incoming = new();

    public TestPhone(SipNetwork network, string user, string ip, TimeProvider time, string? display = null)
    {
        User = user;
        Display = display ?? user;
        EndPoint = new IPEndPoint(IPAddress.Parse(ip), 5060);
        var sink = new ForwardingSink();
        var transport = network.Attach(EndPoint, sink);
        Layer = new SipTransactionLayer(transport, this, time, new SipTransactionOptions(), NullLogger<SipTransactionLayer>.Instance);
        sink.Target = Layer;
    }

    public string User { get; }
    public string Display { get; }
    public IPEndPoint EndPoint { get; }
    public SipTransactionLayer Layer { get; }
    public string Contact => $"<sip:{User}@{EndPoint}>";

    /// <summary>When false, re-INVITEs wait in <see cref="PhoneCall.Requests"/> for the test to answer.</summary>
    public bool AutoAnswerReinvites { get; set; } = true;

    /// <summary>An SDP offer/answer from this phone with the given payload types (0 PCMU, 8 PCMA, 9 G722, 101 telephone-event).</summary>
    public string Sdp(int port = 4000, string direction = "sendrecv", params int[] payloadTypes) =>
        Sdp(EndPoint.Address.ToString(), port, direction, payloadTypes);

    /// <summary>An SDP with its media at <paramref name="ip"/> (e.g. a real loopback RTP socket).</summary>
    public static string Sdp(string ip, int port, string direction = "sendrecv", params int[] payloadTypes)
    {
        if (payloadTypes.Length == 0)
        {
            payloadTypes = [0, 8, 101];
        }
        var lines = new List<string>
        {
            "v=0", $"o=- 1 1 IN IP4 {ip}", "s=phone", $"c=IN IP4 {ip}", "t=0 0",
            $"m=audio {port} RTP/AVP {string.Join(' ', payloadTypes)}",
        };
        foreach (var pt in payloadTypes)
        {
            lines.Add(pt switch
            {
                0 => "a=rtpmap:0 PCMU/8000",
                8 => "a=rtpmap:8 PCMA/8000",
                9 => "a=rtpmap:9 G722/8000",
                _ => $"a=rtpmap:{pt} telephone-event/8000",
            });
        }
        lines.Add("a=" + direction);
        return string.Join("\r\n", lines) + "\r\n";
    }

    /// <summary>Sends an INVITE to the switch (<paramref name="sdp"/> null: late offer).</summary>
    public PhoneCall Call(string destination, string? sdp, params (string Name, string Value)[] headers)
    {
        var uri = SipUri.Parse($"sip:{destination}@{Switch}");
        var callId = SipIdentifiers.NewCallId(EndPoint.Address.ToString());
        var builder = SipMessageBuilder.Request(SipMethod.Invite, uri)
            .AddHeader(SipHeaderNames.MaxForwards, "70")
            .AddHeader(SipHeaderNames.From, $"\"{Display}\" <sip:{User}@{Switch.Address}>;tag={SipIdentifiers.NewTag()}")
            .AddHeader(SipHeaderNames.To, $"<sip:{destination}@{Switch.Address}>")
            .AddHeader(SipHeaderNames.CallId, callId)
            .AddHeader(SipHeaderNames.CSeq, "1 INVITE")
            .AddHeader(SipHeaderNames.Contact, Contact)
            .AddHeader(SipHeaderNames.Allow, "INVITE, ACK, CANCEL, BYE, UPDATE, INFO, OPTIONS");
        foreach (var (name, value) in headers)
        {
            builder.AddHeader(name, value);
        }
        if (sdp is not null)
        {
            builder.SetBody(sdp, "application/sdp");
        }
        var call = new PhoneCall(this, callId) { LocalSdp = sdp };
        _calls[callId] = call;
        call.Start(builder.BuildRequest(), new SipTarget(SipTransportType.Udp, Switch));
        return call;
    }

    /// <summary>Waits for the n-th INVITE this phone received.</summary>
    public Task<PhoneCall> WaitForCallAsync(int index = 0)
    {
        var seen = 0;
        return _incoming.WaitAsync(_ => seen++ == index, $"INVITE #{index} at {User}");
    }

    public IReadOnlyList<PhoneCall> IncomingCalls => _incoming.Items;

    public bool OnRequest(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        if (request.ToTag is null && request.IsInvite)
        {
            var call = new PhoneCall(this, request.CallId!) { Invite = (ServerInviteTransaction)transaction };
            call.RemoteSdp = request.Body.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(request.Body.Span);
            _calls[request.CallId!] = call;
            call.Requests.Add(request);
            _incoming.Add(call);
            return true;
        }
        if (request.CallId is not null && _calls.TryGetValue(request.CallId, out var existing))
        {
            existing.OnRequest(transaction);
            return true;
        }
        transaction.TryRespond(481);
        return true;
    }

    public void OnAck(SipRequest ack, SipFlow flow)
    {
        if (ack.CallId is not null && _calls.TryGetValue(ack.CallId, out var call))
        {
            call.Requests.Add(ack);
        }
    }

    public void OnCancel(ServerInviteTransaction invite, SipRequest cancel)
    {
        invite.TryRespond(487);
        if (cancel.CallId is not null && _calls.TryGetValue(cancel.CallId, out var call))
        {
            call.Requests.Add(cancel);
        }
    }

    public void OnStrayResponse(SipResponse response, SipFlow flow)
    {
        if (response.CallId is not null && _calls.TryGetValue(response.CallId, out var call))
        {
            call.OnResponse(response);
        }
    }

    public void OnAckTimeout(ServerInviteTransaction invite)
    {
    }

    public void Dispose() => Layer.Dispose();

    internal static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private sealed class ForwardingSink : ISipMessageSink
    {
        public ISipMessageSink? Target { get; set; }

        public void OnMessage(SipMessage message, SipFlow flow) => Target?.OnMessage(message, flow);

        public void OnInvalidMessage(SipParseError error, SipFlow flow) => Target?.OnInvalidMessage(error, flow);
    }
}
