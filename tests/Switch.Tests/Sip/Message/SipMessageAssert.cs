using Switch.Sip.Message;

namespace Switch.Tests.Sip.Message;

/// <summary>Field-by-field comparison of parsed messages (Content-Length compared through the body).</summary>
internal static class SipMessageAssert
{
    public static void Equivalent(SipMessage expected, SipMessage actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        if (expected is SipRequest req)
        {
            var other = (SipRequest)actual;
            Assert.Equal(req.Method, other.Method);
            Assert.Equal(req.RequestUri.ToString(), other.RequestUri.ToString());
        }
        else
        {
            var res = (SipResponse)expected;
            var other = (SipResponse)actual;
            Assert.Equal(res.StatusCode, other.StatusCode);
            Assert.Equal(res.ReasonPhrase, other.ReasonPhrase);
        }

        Assert.Equal(expected.Version, actual.Version);
        var a = expected.Headers.Where(h => h.Name != SipHeaderNames.ContentLength).ToList();
        var b = actual.Headers.Where(h => h.Name != SipHeaderNames.ContentLength).ToList();
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Name, b[i].Name, ignoreCase: true);
            Assert.Equal(a[i].Value, b[i].Value);
        }

        Assert.Equal(expected.Body.ToArray(), actual.Body.ToArray());
        Assert.Equal(expected.CallId, actual.CallId);
        Assert.Equal(expected.CSeq, actual.CSeq);
        Assert.Equal(expected.FromTag, actual.FromTag);
        Assert.Equal(expected.ToTag, actual.ToTag);
        Assert.Equal(expected.TopVia?.Branch, actual.TopVia?.Branch);
        Assert.Equal(expected.MaxForwards, actual.MaxForwards);
    }
}
