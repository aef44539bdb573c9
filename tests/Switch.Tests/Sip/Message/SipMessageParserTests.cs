using System.Text;
using Switch.Sip.Message;

namespace Switch.Tests.Sip.Message;

public sealed class SipMessageParserTests
{
    private static SipRequest ParseRequest(string text) => ParseRequest(Encoding.UTF8.GetBytes(text));

    private static SipRequest ParseRequest(byte[] bytes)
    {
        Assert.True(SipMessageParser.TryParseRequest(bytes, out var request, out var error), error.ToString());
        return request;
    }

    private static SipRequest Torture(string name) => ParseRequest(TortureCorpus.Get(name).Bytes);

    [Fact]
    public void Seed_invite_keys_are_parsed()
    {
        var r = ParseRequest(SeedMessages.Invite);
        Assert.Equal(SipMethod.Invite, r.Method);
        Assert.Same(SipMethod.Invite, r.Method);
        Assert.Equal("1018", r.RequestUri.User);
        Assert.Equal("115.aa.aa.aa", r.RequestUri.Host);
        Assert.Equal(5060, r.RequestUri.Port);
        Assert.Equal("z9hG4bK-524287-1---eafafc5cc50b9a41", r.TopVia!.Branch);
        Assert.Equal("UDP", r.TopVia.Transport);
        Assert.Equal("10.240.80.69", r.TopVia.Host);
        Assert.Equal(59535, r.TopVia.Port);
        Assert.True(r.TopVia.HasRPort);
        Assert.Null(r.TopVia.RPort);
        Assert.Equal(new SipCSeq(1, "INVITE"), r.CSeq);
        Assert.Equal("84253MGY3OGQwZWI1OGQ3YTRlZTYwZjQ3ZDZjZDhjNDNiMTU", r.CallId);
        Assert.Equal("54bd8d3a", r.FromTag);
        Assert.Null(r.ToTag);
        Assert.Equal(70, r.MaxForwards);
        Assert.Equal("1008", r.From!.DisplayName);
        Assert.Equal("rinstance", r.Contacts.Single().Uri.Parameters.Single().Name);
        Assert.Equal("application/sdp", r.ContentType);
        Assert.Equal(334, r.Body.Length);
        Assert.StartsWith("v=0\r\n", Encoding.ASCII.GetString(r.Body.Span));
        Assert.Equal(10, r.GetHeaderValues("allow").Count);
        Assert.Equal(SeedMessages.Invite, r.ToString());
    }

    [Fact]
    public void Compact_and_long_names_are_unified()
    {
        var r = ParseRequest(
            "OPTIONS sip:a@b SIP/2.0\r\nv: SIP/2.0/UDP h;branch=z9hG4bK1\r\nVIA: SIP/2.0/TCP h2;branch=z9hG4bK2\r\n" +
            "f: <sip:x@y>;tag=1\r\nt: <sip:a@b>\r\ni: cid\r\nCSEQ: 1 OPTIONS\r\nm: <sip:x@h>\r\nk: timer\r\nSupported: path\r\n" +
            "X-Custom: one\r\nx-custom: two\r\nl: 0\r\n\r\n");
        Assert.Equal(2, r.Vias.Count);
        Assert.Equal("h2", r.Vias[1].Host);
        Assert.Equal("cid", r.GetHeader("Call-ID"));
        Assert.Equal("cid", r.GetHeader("i"));
        Assert.Equal(["timer", "path"], r.GetHeaderValues("Supported"));
        Assert.Equal(["one", "two"], r.GetHeaders("X-CUSTOM"));
        Assert.Equal(2, r.CountHeaders("v"));
        var text = r.ToString();
        Assert.Contains("\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nFrom: <sip:x@y>;tag=1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nX-Custom: one\r\nx-custom: two\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Folded_headers_and_odd_whitespace_are_read()
    {
        var r = Torture("wsinv");
        Assert.Equal("1918181833n", r.ToTag);
        Assert.Equal("98asjd8", r.FromTag);
        Assert.Equal("J Rosenberg \\\"", r.From!.DisplayName);
        Assert.Equal(new SipCSeq(9, "INVITE"), r.CSeq);
        Assert.Equal(68, r.MaxForwards);
        Assert.Equal(3, r.Vias.Count);
        Assert.Equal("390skdjuw", r.Vias[0].Branch);
        Assert.Equal("TCP", r.Vias[1].Transport);
        Assert.Equal("spindle.example.com", r.Vias[1].Host);
        Assert.Equal("z9hG4bK30239", r.Vias[2].Branch);
        Assert.Equal("newfangled value continued newfangled value", r.GetHeader("NewFangledHeader"));
        Assert.Equal(string.Empty, r.GetHeader("Subject"));
        var contact = r.Contacts.Single();
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal("newvalue", contact.GetParameter("newparam"));
        Assert.Equal("0.33", contact.GetParameter("q"));
        Assert.True(r.Routes.Single().Uri.IsLooseRouting);
    }

    [Fact]
    public void Escapes_in_uris_are_decoded_exactly_once()
    {
        var r = Torture("esc01");
        Assert.Equal("sips:user@example.com", r.RequestUri.User);
        Assert.Equal("user", r.To!.Uri.User);
        Assert.Equal("I have spaces", r.From!.Uri.User);
        Assert.Equal("sip:sips%3Auser%40example.com@example.net", r.RequestUri.ToString());

        var nul = Torture("escnull");
        Assert.Equal("null-\0-null", nul.To!.Uri.User);
        Assert.Equal(["\0", "\0\0"], nul.Contacts.Select(c => c.Uri.User));

        Assert.Equal("user;par=u@example.net", Torture("semiuri").RequestUri.User);
    }

    [Fact]
    public void Percent_outside_uris_is_literal()
    {
        var r = Torture("esc02");
        Assert.Equal("RE%47IST%45R", r.Method);
        Assert.Equal(["alias1", "alias3"], r.Contacts.Select(c => c.Uri.User));
        Assert.Equal("<sip:alias2@host2.example.com>", r.GetHeader("C%6Fntact"));
    }

    [Fact]
    public void Unusual_tokens_are_kept()
    {
        var r = Torture("intmeth");
        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", r.Method);
        Assert.Equal("z9hG4bK-.!%66*_+`'~", r.TopVia!.Branch);
        Assert.Equal("_token~1'+`*%!-.", r.FromTag);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", r.RequestUri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", r.RequestUri.Password);
        Assert.Equal("token1~` token2'+_ token3*%!.-", r.From!.DisplayName);
    }

    [Fact]
    public void Contact_forms_are_distinguished()
    {
        var c1 = Torture("cparam01").Contacts.Single();
        Assert.Empty(c1.Uri.Parameters);
        Assert.Equal(string.Empty, c1.GetParameter("unknownparam"));
        var c2 = Torture("cparam02").Contacts.Single();
        Assert.Equal("unknownparam", c2.Uri.Parameters.Single().Name);
        Assert.Empty(c2.Parameters);
        Assert.Equal("Route=%3Csip:sip.example.com%3E", Torture("regescrt").Contacts.Single().Uri.Headers);

        var star = ParseRequest("REGISTER sip:b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nContact: *\r\nExpires: 0\r\nl: 0\r\n\r\n");
        Assert.True(star.Contacts.Single().IsWildcard);
        Assert.Equal(0u, star.Expires);
    }

    [Fact]
    public void Ipv6_references_are_parsed()
    {
        var good = Torture("ipv6-good");
        Assert.Equal("[2001:db8::10]", good.RequestUri.Host);
        Assert.Equal("2001:db8::10", good.RequestUri.HostName);
        Assert.Equal("[2001:db8::9:1]", good.TopVia!.Host);

        var ambiguous = Torture("port-ambiguous");
        Assert.Equal("[2001:db8::10:5070]", ambiguous.RequestUri.Host);
        Assert.Null(ambiguous.RequestUri.Port);
        var unambiguous = Torture("port-unambiguous");
        Assert.Equal("[2001:db8::10]", unambiguous.RequestUri.Host);
        Assert.Equal(5070, unambiguous.RequestUri.Port);

        Assert.Equal("[2001:db8::9:255]", Torture("via-received-param-with-delim").TopVia!.Received);
        Assert.Equal("2001:db8::9:255", Torture("via-received-param-no-delim").TopVia!.Received);
    }

    [Fact]
    public void Via_parameters_are_exposed()
    {
        var via = SipVia.Parse("SIP/2.0/udp 192.0.2.1:5062;rport=1234;received=198.51.100.7;maddr=224.2.0.1;ttl=16;branch=z9hG4bKx;foo");
        Assert.Equal("UDP", via.Transport);
        Assert.Equal(1234, via.RPort);
        Assert.Equal("198.51.100.7", via.Received);
        Assert.Equal("224.2.0.1", via.MAddr);
        Assert.Equal(16, via.Ttl);
        Assert.Equal(string.Empty, via.GetParameter("foo"));
        Assert.Equal("SIP", via.ProtocolName);
        Assert.Equal("2.0", via.ProtocolVersion);
        Assert.True(via.HasRfc3261Branch);
        Assert.False(SipVia.Parse("SIP/2.0/UDP h;branch=z9hG4bK").HasRfc3261Branch);

    }

    [Fact]
    public void Tel_and_other_schemes_parse()
    {
        var tel = SipUri.Parse("tel:+1-201-555-0123;phone-context=example.com");
        Assert.Equal("tel", tel.Scheme);
        Assert.Equal("+1-201-555-0123", tel.User);
        Assert.Equal("example.com", tel.GetParameter("phone-context"));
        var r = Torture("unksm2");
        Assert.Equal("isbn", r.To!.Uri.Scheme);
        Assert.False(r.To.Uri.IsSip);
        Assert.Equal("nobodyknowsthisscheme", Torture("unkscm").RequestUri.Scheme);
    }

    [Fact]
    public void Uri_equality_follows_rfc3261()
    {
        Assert.Equal(SipUri.Parse("sip:%61lice@atlanta.com;transport=TCP"), SipUri.Parse("sip:alice@AtLanTa.CoM;Transport=tcp"));
        Assert.NotEqual(SipUri.Parse("sip:alice@atlanta.com"), SipUri.Parse("sip:ALICE@atlanta.com"));
        Assert.NotEqual(SipUri.Parse("sip:bob@biloxi.com"), SipUri.Parse("sip:bob@biloxi.com:5060"));
        Assert.NotEqual(SipUri.Parse("sip:bob@biloxi.com;transport=udp"), SipUri.Parse("sip:bob@biloxi.com"));
        Assert.Equal("sip:%23a%20b@h:5;lr", SipUri.Create("h", 5, "#a b", false, new SipParameter("lr", null)).ToString());
    }

    [Fact]
    public void Datagram_framing_follows_content_length()
    {
        var dbl = Torture("dblreq");
        Assert.Equal(SipMethod.Register, dbl.Method);
        Assert.Equal(0, dbl.Body.Length);

        var legacy = Torture("inv2543");
        Assert.Null(legacy.FromTag);
        Assert.Null(legacy.MaxForwards);
        Assert.False(legacy.TopVia!.HasRfc3261Branch);
        Assert.True(legacy.Body.Length > 0);
        Assert.EndsWith("\r\nContent-Length: " + legacy.Body.Length + "\r\n\r\n" + Encoding.UTF8.GetString(legacy.Body.Span), legacy.ToString(), StringComparison.Ordinal);

        var mpart = Torture("mpart01");
        Assert.Contains((byte)0, mpart.Body.ToArray());
    }

    [Fact]
    public void Responses_parse()
    {
        Assert.True(SipMessageParser.TryParse(TortureCorpus.Get("unreason").Bytes, out var m, out _));
        var unreason = Assert.IsType<SipResponse>(m);
        Assert.Equal(200, unreason.StatusCode);
        Assert.Contains("\u043d\u043e \u0441\u0442\u043e", unreason.ReasonPhrase, StringComparison.Ordinal);
        Assert.True(SipMessageParser.TryParse(TortureCorpus.Get("noreason").Bytes, out m, out _));
        Assert.Equal(string.Empty, ((SipResponse)m).ReasonPhrase);
    }

    [Fact]
    public void Invalid_request_with_readable_via_has_partial_info()
    {
        Assert.False(SipMessageParser.TryParse(TortureCorpus.Get("quotbal").Bytes, out _, out var error));
        var partial = Assert.IsType<SipPartialRequest>(error.Partial);
        Assert.Equal(SipMethod.Invite, partial.Method);
        Assert.NotNull(partial.CallId);
        Assert.NotNull(partial.CSeq);
        Assert.Equal(partial.Vias.Count, partial.Vias.Count(v => v.StartsWith("SIP/2.0/", StringComparison.Ordinal)));

        Assert.False(SipMessageParser.TryParse(TortureCorpus.Get("bigcode").Bytes, out _, out error));
        Assert.Null(error.Partial);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("INVITE")]
    [InlineData("INVITE sip:a@b SIP/2.0\r\n")]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nVia SIP/2.0/UDP h\r\n\r\n")]
    [InlineData("INVITE sip:a@b SIP/2.0\r\n bad: fold\r\n\r\n")]
    [InlineData("SIP/2.0 20 OK\r\n\r\n")]
    [InlineData("SIP/2.0 099 OK\r\n\r\n")]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nContent-Length: -1\r\n\r\n")]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nCSeq: 1\r\n\r\n")]
    [InlineData("INVITE sip:a@b:99999 SIP/2.0\r\n\r\n")]
    [InlineData("INVITE sip:a@[::1 SIP/2.0\r\n\r\n")]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nMax-Forwards: 256\r\n\r\n")]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nCall-ID: a b\r\n\r\n")]
    public void Malformed_input_is_rejected(string text)
    {
        Assert.False(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error));
        Assert.Null(message);
        Assert.True(error.IsError);
    }
}
