namespace Switch.Sip.Message;

internal static partial class SipMessageParser
{
    /// <summary>
    /// After a request failed to parse, reads what it can (method, Via, From, To, Call-ID, CSeq) so that a 400 can
    /// be sent when the top Via is readable (RFC 3261 §8.2; RFC 4475 §3.1.2).
    /// </summary>
    private static SipParseError WithSalvage(ReadOnlyMemory<byte> input, TextSegment startLine, SipParseError error)
    {
        var s = input.Span;
        var line = startLine.Of(s);
        var methodEnd = SipSyntax.SkipToken(line, 0);
        if (methodEnd == 0 || methodEnd >= line.Length || line[methodEnd] != ' ')
        {
            return error;
        }

        var vias = new List<string>();
        string? from = null, to = null, callId = null, cseq = null;
        SipVia? topVia = null;
        var p = startLine.End + 2;
        var guard = 0;
        while (p < s.Length && guard++ < MaxHeaderCount)
        {
            var e = s[p..].IndexOf("\r\n"u8);
            var lineEnd = e < 0 ? s.Length : p + e;
            while (lineEnd + 2 < s.Length && s[lineEnd + 2] is (byte)' ' or (byte)'\t')
            {
                var next = s[(lineEnd + 2)..].IndexOf("\r\n"u8);
                lineEnd = next < 0 ? s.Length : lineEnd + 2 + next;
            }

            var header = s[p..lineEnd];
            if (header.IsEmpty)
            {
                break;
            }

            var nameEnd = SipSyntax.SkipToken(header, 0);
            var colon = header.IndexOf((byte)':');
            if (nameEnd > 0 && colon >= nameEnd && SipSyntax.TrimLws(header[nameEnd..colon]).IsEmpty)
            {
                var value = SipSyntax.TrimLws(header[(colon + 1)..]);
                switch (SipHeaderNames.Lookup(header[..nameEnd]))
                {
                    case SipHeaderId.Via:
                        if (vias.Count == 0)
                        {
                            var i = 0;
                            if (SipViaScanner.TryScan(value, ref i, out var parts, out _))
                            {
                                topVia = SipVia.FromScanned(value.ToArray(), parts);
                            }
                        }

                        vias.Add(SipSyntax.Unfold(value));
                        break;
                    case SipHeaderId.From:
                        from ??= SipSyntax.Unfold(value);
                        break;
                    case SipHeaderId.To:
                        to ??= SipSyntax.Unfold(value);
                        break;
                    case SipHeaderId.CallId:
                        callId ??= SipSyntax.Unfold(value);
                        break;
                    case SipHeaderId.CSeq:
                        cseq ??= SipSyntax.Unfold(value);
                        break;
                }
            }

            p = lineEnd + 2;
        }

        if (topVia is null)
        {
            return error;
        }

        var method = SipMethod.Intern(line[..methodEnd]);
        return error with { Partial = new SipPartialRequest(method, topVia, vias, from, to, callId, cseq) };
    }
}
