using System.Buffers.Binary;

namespace Switch.Media;

/// <summary>The RFC 4733 §2.3 event payload: event code, end bit, volume, duration (timestamp units).</summary>
internal readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    public const int Length = 4;
    public const byte Flash = 16;

    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        if (payload.Length < Length)
        {
            value = default;
            return false;
        }

        value = new TelephoneEvent(
            payload[0],
            (payload[1] & 0x80) != 0,
            (byte)(payload[1] & 0x3F),
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    public int WriteTo(Span<byte> destination)
    {
        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return Length;
    }

    /// <summary>Event code → character: 0-9, 10 '*', 11 '#', 12-15 'A'-'D', 16 'F' (flash); else null.</summary>
    public static char? ToDigit(byte eventCode) => eventCode switch
    {
        <= 9 => (char)('0' + eventCode),
        10 => '*',
        11 => '#',
        >= 12 and <= 15 => (char)('A' + (eventCode - 12)),
        Flash => 'F',
        _ => null,
    };

    /// <summary>Character → event code (case-insensitive letters); false for anything else.</summary>
    public static bool TryGetEventCode(char digit, out byte eventCode)
    {
        switch (digit)
        {
            case >= '0' and <= '9': eventCode = (byte)(digit - '0'); return true;
            case '*': eventCode = 10; return true;
            case '#': eventCode = 11; return true;
            case >= 'A' and <= 'D': eventCode = (byte)(12 + (digit - 'A')); return true;
            case >= 'a' and <= 'd': eventCode = (byte)(12 + (digit - 'a')); return true;
            case 'F' or 'f': eventCode = Flash; return true;
            default: eventCode = 0; return false;
        }
    }
}
