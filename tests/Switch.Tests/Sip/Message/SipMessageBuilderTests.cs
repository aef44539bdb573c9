using System.Text;
using Switch.Sip.Message;

namespace Switch.Tests.Sip.Message;

public sealed class SipMessageBuilderTests
{
    private static SipRequest Invite()
    {
        Assert.True(SipMessageParser.TryParseRequest(Encoding.UTF8.GetBytes(SeedMessages.Invite), out var r, out _));
        return r;
    }

    [Fact]
    public void Response_copies_via_from_to_callid_cseq_and_adds_to_tag()
    {
        var request = Torture("wsinv");
        var response = SipResponse.CreateFor(request, 180, toTag: "newtag");
        Assert.Equal(180, response.StatusCode);
        Assert.Equal("Ringing", response.ReasonPhrase);
        Assert.Equal(request.Vias.Select(v => v.ToString()), response.Vias.Select(v => v.ToString()));
        Assert.Equal(request.FromTag, response.FromTag);
        Assert.Equal("1918181833n", response.ToTag); // request To already had a tag: kept
        Assert.Equal(request.CallId, response.CallId);
        Assert.Equal(request.CSeq, response.CSeq);
        Assert.Equal(0, response.Body.Length);
        Assert.Equal(7, response.Headers.Count); // two Via lines, From, To, Call-ID, CSeq, Content-Length

        var invite = Invite();
        var ringing = SipResponse.CreateFor(invite, 180, toTag: "abc");
        Assert.Equal("abc", ringing.ToTag);
        Assert.Equal("<sip:1018@115.aa.aa.aa:5060>;tag=abc", ringing.GetHeader("To"));
        Assert.Null(SipResponse.CreateFor(invite, 100).ToTag);
        Assert.Equal("Busy", SipResponse.CreateFor(invite, 486, "Busy").ReasonPhrase);
    }

    [Fact]
    public void Request_builder_writes_headers_in_order_and_content_length()
    {
        var uri = SipUri.Parse("sip:1018@192.0.2.4:5062");
        var branch = SipIdentifiers.NewBranch();
        var request = SipMessageBuilder.Request(SipMethod.Invite, uri)
            .AddHeader("v", SipVia.Create("UDP", "192.0.2.1", 5060, branch).ToString())
            .AddHeader("Max-Forwards", "70")
            .AddHeader("From", SipNameAddr.Create(SipUri.Parse("sip:1008@192.0.2.1"), "1008").WithTag("t1").ToString())
            .AddHeader("To", "<sip:1018@192.0.2.4>")
            .AddHeader("Call-ID", "abc@192.0.2.1")
            .AddHeader("CSeq", "101 INVITE")
            .AddHeader("Content-Length", "999")
            .SetBody("v=0\r\n", "application/sdp")
            .BuildRequest();
        Assert.Equal(branch, request.TopVia!.Branch);
        Assert.Equal("t1", request.FromTag);
        Assert.Equal("1008", request.From!.DisplayName);
        Assert.Equal(new SipCSeq(101, "INVITE"), request.CSeq);
        Assert.Equal(
            "INVITE sip:1018@192.0.2.4:5062 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=" + branch + ";rport\r\n" +
            "Max-Forwards: 70\r\nFrom: \"1008\" <sip:1008@192.0.2.1>;tag=t1\r\nTo: <sip:1018@192.0.2.4>\r\n" +
            "Call-ID: abc@192.0.2.1\r\nCSeq: 101 INVITE\r\nContent-Type: application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n",
            request.ToString());
    }

    [Fact]
    public void With_methods_produce_new_messages()
    {
        var invite = Invite();
        var changed = invite.WithHeader("Max-Forwards", "69").WithAddedHeader("X-Leg", "b").WithoutHeader("User-Agent");
        Assert.Equal(70, invite.MaxForwards);
        Assert.Equal(69, changed.MaxForwards);
        Assert.Equal("b", changed.GetHeader("x-leg"));
        Assert.Null(changed.GetHeader("User-Agent"));
        Assert.NotNull(invite.GetHeader("User-Agent"));
        Assert.Equal(invite.Body.ToArray(), changed.Body.ToArray());
        var empty = changed.WithBody(ReadOnlyMemory<byte>.Empty, null);
        Assert.Null(empty.ContentType);
        Assert.Equal("0", empty.GetHeader("Content-Length"));
        var top = invite.ToBuilder().PrependHeader("Via", "SIP/2.0/TCP proxy;branch=z9hG4bKp").BuildRequest();
        Assert.Equal("proxy", top.TopVia!.Host);
        Assert.Equal(2, top.Vias.Count);
    }

    [Fact]
    public void Invalid_builder_input_throws()
    {
        Assert.Throws<ArgumentException>(() => SipMessageBuilder.Response(200).AddHeader("X", "a\r\nInjected: 1"));
        Assert.Throws<ArgumentException>(() => SipMessageBuilder.Response(200).AddHeader("Bad Name", "a"));
        Assert.Throws<InvalidOperationException>(() => SipMessageBuilder.Response(200).AddHeader("CSeq", "x").Build());
        Assert.Throws<ArgumentOutOfRangeException>(() => SipMessageBuilder.Response(700));
    }

    [Fact]
    public void Identifiers_are_random_and_well_formed()
    {
        var branches = Enumerable.Range(0, 100).Select(_ => SipIdentifiers.NewBranch()).ToHashSet();
        Assert.Equal(100, branches.Count);
        Assert.All(branches, b => Assert.True(SipVia.Create("UDP", "h", null, b).HasRfc3261Branch));
        Assert.NotEqual(SipIdentifiers.NewTag(), SipIdentifiers.NewTag());
        Assert.EndsWith("@h", SipIdentifiers.NewCallId("h"), StringComparison.Ordinal);
    }

    private static SipRequest Torture(string name)
    {
        Assert.True(SipMessageParser.TryParseRequest(TortureCorpus.Get(name).Bytes, out var r, out _));
        return r;
    }
}
