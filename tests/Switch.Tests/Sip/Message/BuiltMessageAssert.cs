using Switch.Sip.Message;

namespace Switch.Tests.Sip.Message;

/// <summary>
/// Compares two messages on every accessor (start line, field table, keys, Via/From/To/Contact/Route values,
/// header texts, body, wire bytes): a built message must answer exactly as the parse of its bytes.
/// </summary>
internal static class BuiltMessageAssert
{
    public static void SameAsParsed(SipMessage built)
    {
        Assert.True(SipMessageParser.TryParse(built.Data.ToArray(), out var parsed, out var error), error.ToString());
        if (parsed is SipRequest request)
        {
            // Read from the bytes first, then compared with the materialized Request-URI.
            var (scheme, hasHeaders) = (request.RequestUriScheme, request.RequestUriHasHeaders);
            Assert.Equal(request.RequestUri.Scheme, scheme);
            Assert.Equal(request.RequestUri.Headers is not null, hasHeaders);
        }

        Same(parsed, built);
    }

    public static void Same(SipMessage expected, SipMessage actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(expected.Data.ToArray(), actual.Data.ToArray());
        Assert.Equal(expected.StartLineBytes.ToArray(), actual.StartLineBytes.ToArray());
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Body.ToArray(), actual.Body.ToArray());
        if (expected is SipRequest request)
        {
            var other = (SipRequest)actual;
            Assert.Equal(request.Method, other.Method);
            Assert.Equal(request.IsInvite, other.IsInvite);
            SameUri(request.RequestUri, other.RequestUri);
        }
        else
        {
            var response = (SipResponse)expected;
            var other = (SipResponse)actual;
            Assert.Equal(response.StatusCode, other.StatusCode);
            Assert.Equal(response.ReasonPhrase, other.ReasonPhrase);
        }

        Assert.Equal(expected.FieldCount, actual.FieldCount);
        for (var i = 0; i < expected.FieldCount; i++)
        {
            var (e, a) = (expected.GetField(i), actual.GetField(i));
            Assert.Equal((e.Id, e.Name, e.Value, e.Folded), (a.Id, a.Name, a.Value, a.Folded));
            Assert.Equal(expected.FieldName(i), actual.FieldName(i));
        }

        Assert.Equal(expected.Headers, actual.Headers);
        Assert.Equal(expected.CallId, actual.CallId);
        Assert.Equal(expected.CSeq, actual.CSeq);
        Assert.Equal(expected.FromTag, actual.FromTag);
        Assert.Equal(expected.ToTag, actual.ToTag);
        Assert.Equal(expected.MaxForwards, actual.MaxForwards);
        Assert.Equal(expected.Expires, actual.Expires);
        Assert.Equal(expected.ContentType, actual.ContentType);
        Assert.Equal(expected.Authorization, actual.Authorization);
        SameVia(expected.TopVia, actual.TopVia);
        Assert.Equal(expected.Vias.Count, actual.Vias.Count);
        for (var i = 0; i < expected.Vias.Count; i++)
        {
            SameVia(expected.Vias[i], actual.Vias[i]);
        }

        SameNameAddr(expected.From, actual.From);
        SameNameAddr(expected.To, actual.To);
        SameList(expected.Contacts, actual.Contacts);
        SameList(expected.Routes, actual.Routes);
        SameList(expected.RecordRoutes, actual.RecordRoutes);
        Assert.Equal(expected.ToArray(), actual.ToArray());
    }

    private static void SameVia(SipVia? e, SipVia? a)
    {
        Assert.Equal(e is null, a is null);
        if (e is null || a is null)
        {
            return;
        }

        Assert.Equal(e.ToString(), a.ToString());
        Assert.Equal((e.Transport, e.Host, e.Port, e.Branch, e.HasRfc3261Branch), (a.Transport, a.Host, a.Port, a.Branch, a.HasRfc3261Branch));
        Assert.Equal((e.ProtocolName, e.ProtocolVersion, e.Received, e.HasRPort, e.RPort), (a.ProtocolName, a.ProtocolVersion, a.Received, a.HasRPort, a.RPort));
        Assert.Equal((e.MAddr, e.Ttl, e.SentBy), (a.MAddr, a.Ttl, a.SentBy));
        Assert.Equal(e.Parameters, a.Parameters);
    }

    private static void SameList(IReadOnlyList<SipNameAddr> e, IReadOnlyList<SipNameAddr> a)
    {
        Assert.Equal(e.Count, a.Count);
        for (var i = 0; i < e.Count; i++)
        {
            SameNameAddr(e[i], a[i]);
        }
    }

    private static void SameNameAddr(SipNameAddr? e, SipNameAddr? a)
    {
        Assert.Equal(e is null, a is null);
        if (e is null || a is null)
        {
            return;
        }

        Assert.Equal((e.ToString(), e.IsWildcard, e.DisplayName, e.Tag), (a.ToString(), a.IsWildcard, a.DisplayName, a.Tag));
        Assert.Equal(e.Parameters, a.Parameters);
        if (!e.IsWildcard)
        {
            SameUri(e.Uri, a.Uri);
        }
    }

    private static void SameUri(SipUri e, SipUri a)
    {
        Assert.Equal(e.ToString(), a.ToString());
        Assert.Equal((e.Scheme, e.IsSip, e.User, e.Password, e.Host, e.Port, e.Headers), (a.Scheme, a.IsSip, a.User, a.Password, a.Host, a.Port, a.Headers));
        Assert.Equal(e.Parameters, a.Parameters);
    }
}
