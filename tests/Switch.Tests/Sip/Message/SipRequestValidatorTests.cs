using System.Text;
using Switch.Sip.Message;

namespace Switch.Tests.Sip.Message;

public sealed class SipRequestValidatorTests
{
    private readonly SipRequestValidator _validator = new();

    [Theory]
    [InlineData("badvers", 505, null)]
    [InlineData("mismatch01", 400, "CSeq method")]
    [InlineData("mismatch02", 400, "CSeq method")]
    [InlineData("insuf", 400, "Missing To")]
    [InlineData("multi01", 400, "Duplicate")]
    [InlineData("unkscm", 416, null)]
    [InlineData("novelsc", 416, null)]
    [InlineData("unksm2", 400, "To is not a SIP")]
    [InlineData("bext01", 420, null)]
    [InlineData("invut", 415, null)]
    [InlineData("sdp01", 406, null)]
    [InlineData("escruri", 400, "Request-URI")]
    public void Semantic_faults_get_the_rfc_status(string name, int status, string? reasonPart)
    {
        var request = Parse(name);
        var result = _validator.Validate(request);
        Assert.Equal(SipValidationVerdict.Reject, result.Verdict);
        Assert.Equal(status, result.Status);
        if (reasonPart is not null)
        {
            Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
        }

        var response = result.CreateResponse(request);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(request.CallId, response.CallId);
        Assert.Equal(request.Vias.Count, response.Vias.Count);
    }

    [Fact]
    public void Require_gets_420_with_unsupported()
    {
        var request = Parse("bext01");
        var response = _validator.Validate(request).CreateResponse(request);
        Assert.Equal("nothingSupportsThis, nothingSupportsThisEither", response.GetHeader("Unsupported"));
        Assert.NotNull(response.ToTag);
    }

    [Theory]
    [InlineData("wsinv")]
    [InlineData("intmeth")]
    [InlineData("esc01")]
    [InlineData("escnull")]
    [InlineData("lwsdisp")]
    [InlineData("longreq")]
    [InlineData("dblreq")]
    [InlineData("semiuri")]
    [InlineData("transports")]
    [InlineData("mpart01")]
    [InlineData("badbranch")]
    [InlineData("regaut01")]
    [InlineData("zeromf")]
    [InlineData("cparam01")]
    [InlineData("cparam02")]
    [InlineData("regescrt")]
    [InlineData("inv2543")]
    [InlineData("ipv6-good")]
    [InlineData("ipv6-in-sdp")]
    public void Valid_requests_are_accepted(string name) =>
        Assert.True(_validator.Validate(Parse(name)).IsAccepted, _validator.Validate(Parse(name)).Reason);

    [Fact]
    public void Max_forwards_zero_is_483_only_when_forwarding()
    {
        var request = Parse("zeromf");
        Assert.True(_validator.Validate(request, willForward: false).IsAccepted);
        Assert.Equal(483, _validator.Validate(request, willForward: true).Status);
    }

    [Fact]
    public void Oversized_message_gets_513()
    {
        var validator = new SipRequestValidator(new SipValidationOptions { MaxMessageBytes = 1000 });
        Assert.Equal(513, validator.Validate(Parse("longreq")).Status);
    }

    [Theory]
    [InlineData("bcast")]
    public void Unhandleable_responses_are_dropped(string name)
    {
        Assert.True(SipMessageParser.TryParse(TortureCorpus.Get(name).Bytes, out var m, out _));
        Assert.Equal(SipValidationVerdict.Drop, _validator.ValidateResponse((SipResponse)m).Verdict);
    }

    [Theory]
    [InlineData("unreason")]
    [InlineData("noreason")]
    public void Good_responses_are_accepted(string name)
    {
        Assert.True(SipMessageParser.TryParse(TortureCorpus.Get(name).Bytes, out var m, out _));
        Assert.True(_validator.ValidateResponse((SipResponse)m).IsAccepted);
    }

    [Theory]
    [InlineData("clerr")]
    [InlineData("ncl")]
    [InlineData("scalar02")]
    [InlineData("quotbal")]
    [InlineData("ltgtruri")]
    [InlineData("lwsruri")]
    [InlineData("lwsstart")]
    [InlineData("trws")]
    [InlineData("baddate")]
    [InlineData("regbadct")]
    [InlineData("badaspec")]
    [InlineData("baddn")]
    [InlineData("mcl01")]
    [InlineData("ipv6-bad")]
    public void Unparseable_requests_with_a_via_get_a_400_naming_the_fault(string name)
    {
        Assert.False(SipMessageParser.TryParse(TortureCorpus.Get(name).Bytes, out _, out var error));
        Assert.NotNull(error.Partial);
        var bytes = SipRequestValidator.CreateBadRequest(error.Partial, error.ReasonPhrase);
        // The faulty header is echoed raw, so the 400 itself may not parse; if it does, it is a proper 400.
        _ = SipMessageParser.TryParse(bytes, out var m, out _);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("SIP/2.0 400 " + error.ReasonPhrase + "\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nVia: " + error.Partial.Vias[0] + "\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nCall-ID: ", text, StringComparison.Ordinal);
        if (m is SipResponse r)
        {
            Assert.Equal(400, r.StatusCode);
            Assert.NotNull(r.ToTag);
        }
    }

    [Theory]
    [InlineData("test")]
    [InlineData("badinv01")]
    public void Unparseable_request_without_a_readable_via_has_no_partial(string name)
    {
        Assert.False(SipMessageParser.TryParse(TortureCorpus.Get(name).Bytes, out _, out var error));
        Assert.Null(error.Partial);
    }

    private static SipRequest Parse(string name)
    {
        Assert.True(SipMessageParser.TryParseRequest(TortureCorpus.Get(name).Bytes, out var r, out var e), e.ToString());
        return r;
    }
}
