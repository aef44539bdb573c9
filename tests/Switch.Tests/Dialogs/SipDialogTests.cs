using System.Net;
using System.Text;
using Switch.Sip.Dialogs;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Tests.Dialogs;

public sealed class SipDialogTests
{
    private static SipRequest Request(string text)
    {
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)), out var m, out var e), e.ToString());
        return (SipRequest)m;
    }

    private static SipResponse Response(string text)
    {
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)), out var m, out var e), e.ToString());
        return (SipResponse)m;
    }

    private static readonly SipFlow Flow = new(SipTransportType.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060),
        new IPEndPoint(IPAddress.Parse("203.0.113.5"), 24576));

    // The seed capture's INVITE from 1008, with a proxy added in front.
    private static SipRequest Invite() => Request(
        "INVITE sip:1018@192.0.2.10:5060 SIP/2.0\n" +
        "Via: SIP/2.0/UDP 10.240.80.69:59535;branch=z9hG4bK-524287-1---eafafc5cc50b9a41;rport\n" +
        "Record-Route: <sip:192.0.2.1;lr>\n" +
        "Record-Route: <sip:192.0.2.2;lr>\n" +
        "Max-Forwards: 70\n" +
        "Contact: <sip:1008@59.0.0.1:24576;rinstance=9d87a2b91a59c5b9>\n" +
        "To: <sip:1018@192.0.2.10:5060>\n" +
        "From: \"1008\"<sip:1008@192.0.2.10:5060>;tag=54bd8d3a\n" +
        "Call-ID: 84253MGY3OGQwZWI1OGQ3YTRlZTYwZjQ3ZDZjZDhjNDNiMTU\n" +
        "CSeq: 1 INVITE\n" +
        "Content-Length: 0\n\n");

    [Fact]
    public void Uas_dialog_takes_the_route_set_in_order_and_the_contact_as_target()
    {
        var dialog = SipDialog.CreateUas(Invite(), "6813p45D61j9a", Flow, "<sip:1018@192.0.2.10:5060>");

        Assert.False(dialog.IsUac);
        Assert.Equal(new SipDialogId("84253MGY3OGQwZWI1OGQ3YTRlZTYwZjQ3ZDZjZDhjNDNiMTU", "6813p45D61j9a", "54bd8d3a"), dialog.Id);
        Assert.Equal(["<sip:192.0.2.1;lr>", "<sip:192.0.2.2;lr>"], dialog.RouteSet);
        Assert.Equal("sip:1008@59.0.0.1:24576;rinstance=9d87a2b91a59c5b9", dialog.RemoteTarget.ToString());
        Assert.Equal(1u, dialog.RemoteCSeq);
        Assert.Equal(Flow.ToTarget(), dialog.Target);
        Assert.Equal(SipDialogState.Early, dialog.State);
        dialog.ConfirmAsUas();
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
    }

    [Fact]
    public void Uas_bye_swaps_from_and_to_and_increments_cseq()
    {
        var dialog = SipDialog.CreateUas(Invite(), "6813p45D61j9a", Flow, "<sip:1018@192.0.2.10:5060>");
        var before = dialog.LocalCSeq;

        var bye = dialog.CreateRequest(SipMethod.Bye).BuildRequest();
        var second = dialog.CreateRequest(SipMethod.Bye).BuildRequest();

        Assert.Equal("BYE", bye.Method);
        Assert.Equal("sip:1008@59.0.0.1:24576;rinstance=9d87a2b91a59c5b9", bye.RequestUri.ToString());
        Assert.Equal("6813p45D61j9a", bye.FromTag);
        Assert.Equal("54bd8d3a", bye.ToTag);
        Assert.Equal("<sip:1018@192.0.2.10:5060>;tag=6813p45D61j9a", bye.GetHeader("From"));
        Assert.Equal(["<sip:192.0.2.1;lr>", "<sip:192.0.2.2;lr>"], bye.GetHeaders("Route"));
        Assert.Equal(before + 1, bye.CSeq!.Value.Number);
        Assert.Equal(before + 2, second.CSeq!.Value.Number);
        Assert.False(bye.HasHeader("Contact"));
        Assert.True(dialog.CreateRequest(SipMethod.Invite).BuildRequest().HasHeader("Contact"));
        Assert.Equal("70", bye.GetHeader("Max-Forwards"));
    }

    [Fact]
    public void Remote_cseq_must_increase()
    {
        var dialog = SipDialog.CreateUas(Invite(), "t1", Flow, "<sip:x@y>");
        Assert.False(dialog.TryAcceptRemoteCSeq(InDialog("BYE", 1)));
        Assert.True(dialog.TryAcceptRemoteCSeq(InDialog("INFO", 2)));
        Assert.False(dialog.TryAcceptRemoteCSeq(InDialog("BYE", 2)));
        Assert.True(dialog.TryAcceptRemoteCSeq(InDialog("ACK", 1)));
        Assert.True(dialog.TryAcceptRemoteCSeq(InDialog("BYE", 7)));
        Assert.Equal(7u, dialog.RemoteCSeq);
    }

    private static SipRequest InDialog(string method, uint cseq) => Request(
        $"{method} sip:1018@192.0.2.10 SIP/2.0\n" +
        "Via: SIP/2.0/UDP 10.240.80.69:59535;branch=z9hG4bK-x" + cseq + method + "\n" +
        "Max-Forwards: 70\n" +
        "To: <sip:1018@192.0.2.10:5060>;tag=t1\n" +
        "From: <sip:1008@192.0.2.10:5060>;tag=54bd8d3a\n" +
        "Call-ID: 84253MGY3OGQwZWI1OGQ3YTRlZTYwZjQ3ZDZjZDhjNDNiMTU\n" +
        $"CSeq: {cseq} {method}\n" +
        "Content-Length: 0\n\n");

    [Fact]
    public void Uac_dialog_reverses_record_route_and_acks_with_the_invite_cseq()
    {
        var invite = Request(
            "INVITE sip:1018@10.0.0.66:36841;rinstance=0d9373ba78a06600 SIP/2.0\n" +
            "Via: SIP/2.0/UDP 192.0.2.10;rport;branch=z9hG4bK85Z552j3KHv4K\n" +
            "Max-Forwards: 69\n" +
            "From: \"1008\" <sip:1008@192.0.2.10>;tag=7HUvrZpH3a9Up\n" +
            "To: <sip:1018@10.0.0.66:36841;rinstance=0d9373ba78a06600>\n" +
            "Call-ID: 30b8d974-3406-1236-52a1-00505683024d\n" +
            "CSeq: 114125036 INVITE\n" +
            "Contact: <sip:mod_sofia@192.0.2.10:5060>\n" +
            "Content-Length: 0\n\n");
        var ok = Response(
            "SIP/2.0 200 OK\n" +
            "Via: SIP/2.0/UDP 192.0.2.10;rport=5060;branch=z9hG4bK85Z552j3KHv4K\n" +
            "Record-Route: <sip:198.51.100.1;lr>\n" +
            "Record-Route: <sip:198.51.100.2;lr>\n" +
            "Contact: <sip:1018@123.58.160.154:36841;rinstance=0d9373ba78a06600>\n" +
            "To: <sip:1018@10.0.0.66:36841;rinstance=0d9373ba78a06600>;tag=e243b65d\n" +
            "From: \"1008\" <sip:1008@192.0.2.10>;tag=7HUvrZpH3a9Up\n" +
            "Call-ID: 30b8d974-3406-1236-52a1-00505683024d\n" +
            "CSeq: 114125036 INVITE\n" +
            "Content-Length: 0\n\n");
        var target = new SipTarget(SipTransportType.Udp, new IPEndPoint(IPAddress.Parse("123.58.160.154"), 36841));

        var dialog = SipDialog.CreateUac(invite, ok, target, "<sip:mod_sofia@192.0.2.10:5060>");
        var ack = dialog.CreateAck(114125036).BuildRequest();
        var bye = dialog.CreateRequest(SipMethod.Bye).BuildRequest();

        Assert.True(dialog.IsUac);
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
        Assert.Equal(new SipDialogId("30b8d974-3406-1236-52a1-00505683024d", "7HUvrZpH3a9Up", "e243b65d"), dialog.Id);
        Assert.Equal(["<sip:198.51.100.2;lr>", "<sip:198.51.100.1;lr>"], dialog.RouteSet);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.2"), 5060), dialog.Target.EndPoint);
        Assert.Equal("sip:1018@123.58.160.154:36841;rinstance=0d9373ba78a06600", ack.RequestUri.ToString());
        Assert.Equal("114125036 ACK", ack.GetHeader("CSeq"));
        Assert.Equal("e243b65d", ack.ToTag);
        Assert.Equal("114125037 BYE", bye.GetHeader("CSeq"));
        Assert.True(dialog.Matches(ok, fromPeer: true));
    }

    [Fact]
    public void Early_uac_dialog_is_confirmed_by_the_2xx_with_its_route_set()
    {
        var invite = Request(
            "INVITE sip:b@10.0.0.2 SIP/2.0\nVia: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKa\nMax-Forwards: 70\n" +
            "From: <sip:a@192.0.2.10>;tag=ft\nTo: <sip:b@10.0.0.2>\nCall-ID: c1\nCSeq: 5 INVITE\nContact: <sip:a@192.0.2.10>\nContent-Length: 0\n\n");
        var ringing = Response(
            "SIP/2.0 180 Ringing\nVia: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKa\nFrom: <sip:a@192.0.2.10>;tag=ft\n" +
            "To: <sip:b@10.0.0.2>;tag=tt\nCall-ID: c1\nCSeq: 5 INVITE\nContact: <sip:b@10.0.0.9>\nContent-Length: 0\n\n");
        var ok = Response(
            "SIP/2.0 200 OK\nVia: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKa\nRecord-Route: <sip:198.51.100.9;lr>\nFrom: <sip:a@192.0.2.10>;tag=ft\n" +
            "To: <sip:b@10.0.0.2>;tag=tt\nCall-ID: c1\nCSeq: 5 INVITE\nContact: <sip:b@10.0.0.10>\nContent-Length: 0\n\n");
        var target = new SipTarget(SipTransportType.Udp, new IPEndPoint(IPAddress.Parse("10.0.0.2"), 5060));

        var dialog = SipDialog.CreateUac(invite, ringing, target, "<sip:a@192.0.2.10>");
        Assert.Equal(SipDialogState.Early, dialog.State);
        Assert.Equal("sip:b@10.0.0.9", dialog.RemoteTarget.ToString());

        dialog.Confirm(ok);
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
        Assert.Equal("sip:b@10.0.0.10", dialog.RemoteTarget.ToString());
        Assert.Equal(["<sip:198.51.100.9;lr>"], dialog.RouteSet);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.9"), 5060), dialog.Target.EndPoint);

        dialog.Terminate();
        dialog.Confirm(ok);
        Assert.Equal(SipDialogState.Terminated, dialog.State);
    }

    [Fact]
    public void Target_refresh_takes_the_new_contact()
    {
        var dialog = SipDialog.CreateUas(Invite(), "t1", Flow, "<sip:x@y>");
        var reinvite = Request(
            "INVITE sip:1018@192.0.2.10 SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKr\nMax-Forwards: 70\n" +
            "To: <sip:1018@192.0.2.10:5060>;tag=t1\nFrom: <sip:1008@192.0.2.10:5060>;tag=54bd8d3a\n" +
            "Call-ID: 84253MGY3OGQwZWI1OGQ3YTRlZTYwZjQ3ZDZjZDhjNDNiMTU\nCSeq: 2 INVITE\nContact: <sip:1008@59.0.0.2:5999>\nContent-Length: 0\n\n");
        dialog.RefreshTarget(reinvite);
        Assert.Equal("sip:1008@59.0.0.2:5999", dialog.RemoteTarget.ToString());
        Assert.True(dialog.Matches(reinvite, fromPeer: true));
    }
}
