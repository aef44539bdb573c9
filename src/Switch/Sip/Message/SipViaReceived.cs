using System.Net;
using System.Text;

namespace Switch.Sip.Message;

/// <summary>
/// The received/rport rewrite of a request's top Via (RFC 3261 §18.2.1, RFC 3581 §4) at the byte level: when it is
/// due, and the rewritten Via value. Shared by <see cref="SipRequest.WithViaStamp"/> and the parser, which
/// applies it while copying a received message.
/// </summary>
internal static class SipViaReceived
{
    /// <summary>Room a rewrite may need beyond the Via value: ";rport=65535" and ";received=" with the longest IPv6 text.</summary>
    public const int MaxGrowth = 128;

    /// <summary>Longest address literal looked at (an IPv6 address with a zone fits); longer text is a host name.</summary>
    private const int MaxLiteral = 256;

    /// <summary>
    /// True when a Via with sent-by <paramref name="host"/> (as written; IPv6 in brackets) from <paramref name="source"/>
    /// needs a stamp: the host is not the source address, or rport was asked for (or is forced).
    /// </summary>
    public static bool IsDue(ReadOnlySpan<byte> host, bool hasRPort, IPAddress source, bool forceRport, out bool rport)
    {
        rport = hasRPort || forceRport;
        if (host.Length > 1 && host[0] == '[')
        {
            host = host[1..^1];
        }

        return rport || !IsAddress(host, source);
    }

    /// <summary>
    /// Writes the Via element <paramref name="parts"/> scanned from <paramref name="value"/> with <c>received</c> last
    /// (an old one dropped) and, when <paramref name="rport"/> is given, <c>rport</c> filled in place or appended.
    /// <paramref name="destination"/> needs the element's length plus <see cref="MaxGrowth"/>. Returns the length, or -1.
    /// </summary>
    public static int Write(ReadOnlySpan<byte> value, in SipViaParts parts, IPAddress received, int? rport, Span<byte> destination)
    {
        var element = value.Slice(parts.Element.Start, parts.Element.Length);
        var headEnd = parts.Parameters.IsPresent ? parts.Parameters.Start - parts.Element.Start : element.Length;
        element[..headEnd].CopyTo(destination);
        var used = headEnd;
        if (parts.Parameters.IsPresent)
        {
            var q = parts.Parameters.Start;
            var end = parts.Parameters.End;
            while (q < end)
            {
                q = SipSyntax.SkipLws(value, q);
                var start = q;
                if (q >= end || value[q] != (byte)';' || !SipParameterScanner.TryRead(value, ref q, header: true, out var name, out _))
                {
                    break;
                }

                var n = name.Of(value);
                if (Ascii.EqualsIgnoreCase(n, "received"u8))
                {
                    continue;
                }

                if (rport is { } port && Ascii.EqualsIgnoreCase(n, "rport"u8))
                {
                    used += WriteRPort(destination[used..], port);
                    rport = null;
                    continue;
                }

                value[start..q].CopyTo(destination[used..]);
                used += q - start;
            }
        }

        if (rport is { } forced)
        {
            used += WriteRPort(destination[used..], forced);
        }

        ";received="u8.CopyTo(destination[used..]);
        used += 10;
        return received.TryFormat(destination[used..], out var written) ? used + written : -1;
    }

    /// <summary>True when <paramref name="text"/> is a literal of <paramref name="address"/>; the usual spellings are compared without parsing.</summary>
    public static bool IsAddress(ReadOnlySpan<byte> text, IPAddress address)
    {
        Span<byte> formatted = stackalloc byte[64];
        if (address.TryFormat(formatted, out var n) && Ascii.EqualsIgnoreCase(text, formatted[..n]))
        {
            return true;
        }

        if (IsPlainIPv4(text) || text.Length > MaxLiteral)
        {
            return false; // a different address in the usual spelling, or not an address
        }

        Span<char> chars = stackalloc char[MaxLiteral];
        var count = Encoding.ASCII.GetChars(text, chars);
        return IPAddress.TryParse(chars[..count], out var parsed) && parsed.Equals(address);
    }

    /// <summary>Parses an address literal (no brackets); null for anything else.</summary>
    public static IPAddress? ParseAddress(ReadOnlySpan<byte> text)
    {
        if (text.Length > MaxLiteral)
        {
            return null;
        }

        Span<char> chars = stackalloc char[MaxLiteral];
        var count = Encoding.ASCII.GetChars(text, chars);
        return IPAddress.TryParse(chars[..count], out var parsed) ? parsed : null;
    }

    /// <summary>Four decimal numbers up to 255 without leading zeros: the one spelling of an IPv4 address that needs no parser.</summary>
    private static bool IsPlainIPv4(ReadOnlySpan<byte> text)
    {
        var parts = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var value = 0;
            while (i < text.Length && i - start < 3 && SipSyntax.IsDigit(text[i]))
            {
                value = (value * 10) + (text[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0') || ++parts > 4)
            {
                return false;
            }

            if (i < text.Length && (text[i] != '.' || ++i == text.Length))
            {
                return false;
            }
        }

        return parts == 4;
    }

    private static int WriteRPort(Span<byte> destination, int port)
    {
        ";rport="u8.CopyTo(destination);
        return 7 + (port.TryFormat(destination[7..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture) ? digits : 0);
    }
}
