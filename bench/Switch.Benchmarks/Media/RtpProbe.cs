using Switch.Media;

namespace Switch.Benchmarks.Media;

/// <summary>
/// Writes a send timestamp and a stream number into a G.711 payload so that they survive the relay, including
/// its µ-law ↔ A-law transcoding: each nibble is one of 16 code words whose transcoded images are distinct, so
/// the receiver maps the image back. 20 bytes of the payload carry the probe; the rest is silence.
/// </summary>
internal sealed class RtpProbe
{
    public const int Length = 20;
    private const byte NotASymbol = 0xFF;

    private readonly byte[] _symbols = new byte[16];
    private readonly byte[] _reverse = new byte[256];
    private readonly byte _silence;

    /// <param name="sent">The law the phone sends.</param>
    /// <param name="received">The law the other phone receives (the same when the relay does not transcode).</param>
    public RtpProbe(G711Law sent, G711Law received)
    {
        _silence = G711.Silence(sent);
        Array.Fill(_reverse, NotASymbol);
        var count = 0;
        for (var code = 0x10; code < 0x100 && count < _symbols.Length; code++)
        {
            var image = sent == received ? (byte)code
                : sent == G711Law.MuLaw ? G711.MuLawToALaw((byte)code) : G711.ALawToMuLaw((byte)code);
            if (_reverse[image] == NotASymbol)
            {
                _symbols[count] = (byte)code;
                _reverse[image] = (byte)count;
                count++;
            }
        }
    }

    /// <summary>Fills <paramref name="payload"/>: probe first, silence after.</summary>
    public void Write(Span<byte> payload, long sentAt, int stream)
    {
        for (var i = 0; i < 16; i++)
        {
            payload[i] = _symbols[(int)((ulong)sentAt >> (4 * i)) & 0xF];
        }

        for (var i = 0; i < 4; i++)
        {
            payload[16 + i] = _symbols[(stream >> (4 * i)) & 0xF];
        }

        payload[Length..].Fill(_silence);
    }

    public bool TryRead(ReadOnlySpan<byte> payload, out long sentAt, out int stream)
    {
        sentAt = 0;
        stream = 0;
        if (payload.Length < Length)
        {
            return false;
        }

        ulong value = 0;
        for (var i = 0; i < 16; i++)
        {
            var symbol = _reverse[payload[i]];
            if (symbol == NotASymbol)
            {
                return false;
            }

            value |= (ulong)symbol << (4 * i);
        }

        for (var i = 0; i < 4; i++)
        {
            var symbol = _reverse[payload[16 + i]];
            if (symbol == NotASymbol)
            {
                return false;
            }

            stream |= symbol << (4 * i);
        }

        sentAt = (long)value;
        return true;
    }
}
