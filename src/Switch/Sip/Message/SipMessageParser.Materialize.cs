using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Switch.Sip.Message;

internal static partial class SipMessageParser
{
    /// <summary>
    /// Parses a message as received from <paramref name="source"/>: the message gets its own copy of the bytes (so
    /// <paramref name="input"/> may be a receive buffer used again) unless <paramref name="ownsInput"/>, and a request's
    /// top Via is given received and rport while copying when due (RFC 3261 §18.2.1, RFC 3581 §4) — the same
    /// message as <see cref="TryParse(ReadOnlyMemory{byte}, out SipMessage?, out SipParseError)"/> followed by
    /// <see cref="SipRequest.WithViaStamp"/>, made with one copy and one parse.
    /// </summary>
    public static bool TryParseReceived(ReadOnlyMemory<byte> input, IPEndPoint source, bool forceRport, bool ownsInput,
        [NotNullWhen(true)] out SipMessage? message, out SipParseError error) =>
        TryParse(input, new Arrival(source, forceRport, !ownsInput), out message, out error);

    private static SipMessage Materialize(ReadOnlyMemory<byte> input, ReadOnlySpan<SipHeaderField> fields, ref HeaderState state, in Head head, in Arrival arrival)
    {
        if (head.Method is not null && arrival.Source is { } source && state.HasTopVia
            && TryStamp(input, fields, ref state, head, source, arrival.ForceRport) is { } stamped)
        {
            return stamped;
        }

        var length = head.BodyStart + head.BodyLength - head.Start;
        var data = arrival.Copy ? input.Slice(head.Start, length).ToArray() : input.Slice(head.Start, length);
        var rebased = new SipHeaderField[fields.Length];
        for (var i = 0; i < rebased.Length; i++)
        {
            rebased[i] = fields[i].Rebase(-head.Start);
        }

        return Create(head, data, rebased, data.Slice(head.BodyStart - head.Start, head.BodyLength), state.ToKeys(head.Version, data, -head.Start));
    }

    /// <summary>The request copied with its top Via rewritten, or null when no rewrite is due (or it cannot be made).</summary>
    private static SipRequest? TryStamp(ReadOnlyMemory<byte> input, ReadOnlySpan<SipHeaderField> fields, ref HeaderState state, in Head head, IPEndPoint source, bool forceRport)
    {
        var s = input.Span;
        var value = state.TopViaValue.Of(s);
        var parts = state.TopViaParts;
        var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        if (!SipViaReceived.IsDue(parts.Host.Of(value), parts.HasRPort, address, forceRport, out var rport))
        {
            return null;
        }

        var room = parts.Element.Length + SipViaReceived.MaxGrowth;
        var element = room <= 1024 ? stackalloc byte[room] : new byte[room];
        var used = SipViaReceived.Write(value, parts, address, rport ? source.Port : null, element);
        if (used < 0)
        {
            return null;
        }

        // [start, at) as received, the rewritten element, then the rest moved by delta.
        var at = state.TopViaValue.Start + parts.Element.Start;
        var cut = parts.Element.Length;
        var delta = used - cut;
        var end = head.BodyStart + head.BodyLength;
        var bytes = new byte[end - head.Start + delta];
        s[head.Start..at].CopyTo(bytes);
        element[..used].CopyTo(bytes.AsSpan(at - head.Start));
        s[(at + cut)..end].CopyTo(bytes.AsSpan(at - head.Start + used));

        var stampedValue = new TextSegment(state.TopViaValue.Start - head.Start, state.TopViaValue.Length + delta);
        var scan = 0;
        if (!SipViaScanner.TryScan(stampedValue.Of(bytes), ref scan, out var stampedParts, out _))
        {
            return null;
        }

        var rebased = new SipHeaderField[fields.Length];
        var seenVia = false;
        for (var i = 0; i < rebased.Length; i++)
        {
            var f = fields[i].Rebase(-head.Start);
            if (seenVia)
            {
                f = f.Rebase(delta);
            }
            else if (f.Id == SipHeaderId.Via)
            {
                // The first Via line holds the top Via value.
                f = new SipHeaderField(f.Id, f.Name, stampedValue, f.Folded);
                seenVia = true;
            }

            rebased[i] = f;
        }

        state.TopVia = SipVia.FromScanned(bytes.AsMemory(stampedValue.Start, stampedValue.Length), stampedParts);
        var body = bytes.AsMemory(head.BodyStart - head.Start + delta, head.BodyLength);
        return (SipRequest)Create(head, bytes, rebased, body, state.ToKeys(head.Version, bytes, 0));
    }

    private static SipMessage Create(in Head head, ReadOnlyMemory<byte> data, SipHeaderField[] fields, ReadOnlyMemory<byte> body, in SipMessageKeys keys) =>
        head.Method is null
            ? new SipResponse(data, head.StartLine, fields, body, keys, head.Status, head.Reason!)
            : new SipRequest(data, head.StartLine, fields, body, keys, head.Method, head.Uri);

    /// <summary>How a message arrived: from where (its top Via is stamped for requests), and whether its bytes must be copied.</summary>
    private readonly record struct Arrival(IPEndPoint? Source, bool ForceRport, bool Copy);

    /// <summary>The start line as parsed, and where the message and its body are in the input.</summary>
    private readonly record struct Head(int Start, TextSegment StartLine, string Version, string? Method, TextSegment Uri, int Status, string? Reason,
        int BodyStart, int BodyLength);
}
