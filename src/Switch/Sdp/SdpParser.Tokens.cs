using System.Globalization;

namespace Switch.Sdp;

/// <summary>Shared strings for SDP tokens, attribute names and small numbers, and the tokenizer.</summary>
internal static partial class SdpParser
{
    /// <summary>Attribute names common enough to share one string instead of a new one per line.</summary>
    private static readonly string[] CommonAttributeNames =
        [SdpAttribute.RtpMap, SdpAttribute.Fmtp, SdpAttribute.Ptime, "sendrecv", "sendonly", "recvonly", "inactive", "maxptime", "rtcp", "rtcp-mux",
         "silenceSupp", "ice-ufrag", "ice-pwd", "candidate", "crypto", "fingerprint", "setup", "mid", "ssrc"];

    private static string AttributeName(ReadOnlySpan<char> name)
    {
        foreach (var common in CommonAttributeNames)
        {
            if (name.SequenceEqual(common))
            {
                return common;
            }
        }

        return name.ToString();
    }

    /// <summary>Tokens common enough to share one string: network and address types, media, protocols, small numbers.</summary>
    private static readonly string[] CommonTokens =
        [SdpConnection.Internet, SdpConnection.Ip4, SdpConnection.Ip6, "-", SdpMediaDescription.Audio, SdpMediaDescription.RtpAvp, "RTP/SAVP",
         "RTP/AVPF", "RTP/SAVPF", "video", "image", "udptl"];

    /// <summary>Payload type numbers 0-127 (and t= zeros) as shared strings.</summary>
    private static readonly string[] SmallNumbers = CreateSmallNumbers();

    private static string[] CreateSmallNumbers()
    {
        var numbers = new string[128];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return numbers;
    }

    /// <summary>The token as a string, shared when it is a common one.</summary>
    private static string Token(ReadOnlySpan<char> token)
    {
        if (token.Length <= 3 && token[0] is >= '0' and <= '9' && (token.Length == 1 || token[0] != '0')
            && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < SmallNumbers.Length)
        {
            return SmallNumbers[n];
        }

        foreach (var common in CommonTokens)
        {
            if (token.SequenceEqual(common))
            {
                return common;
            }
        }

        return token.ToString();
    }

    /// <summary>
    /// Splits at spaces and tabs into <paramref name="ranges"/>; returns the token count, or ranges.Length + 1 when there
    /// are more tokens than room (the line has too many for the caller).
    /// </summary>
    private static int Tokenize(ReadOnlySpan<char> value, Span<Range> ranges)
    {
        var count = 0;
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && value[i] is ' ' or '\t')
            {
                i++;
            }

            if (i == value.Length)
            {
                break;
            }

            var start = i;
            while (i < value.Length && value[i] is not (' ' or '\t'))
            {
                i++;
            }

            if (count == ranges.Length)
            {
                return count + 1;
            }

            ranges[count++] = new Range(start, i);
        }

        return count;
    }
}
