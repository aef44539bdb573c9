using System.Globalization;

namespace Switch.Calls;

/// <summary>
/// A channel's block of channel headers after the state headers (Channel-Name .. Channel-Write-Codec-Bit-Rate,
/// ESL-PROTOCOL.md §6.2; the state headers are <see cref="StateNames.StateHeaders"/>) with the fields it was built from. Immutable: events share it by reference for as long as those fields stay the same.
/// </summary>
internal sealed class ChannelHeaderBlock
{
    /// <summary>The most headers a block has.</summary>
    private const int MaxHeaders = 16;

    [ThreadStatic]
    private static KeyValuePair<string, string>[]? t_scratch;

    private readonly ChannelBlockFields _fields;
    private readonly string? _readRate;
    private readonly string? _readBitRate;
    private readonly string? _writeRate;
    private readonly string? _writeBitRate;

    private ChannelHeaderBlock(in ChannelBlockFields fields, KeyValuePair<string, string>[] headers,
        string? readRate, string? readBitRate, string? writeRate, string? writeBitRate)
    {
        _fields = fields;
        Headers = headers;
        _readRate = readRate;
        _readBitRate = readBitRate;
        _writeRate = writeRate;
        _writeBitRate = writeBitRate;
    }

    /// <summary>The headers in FreeSWITCH's order, empty values left out; never changed.</summary>
    public KeyValuePair<string, string>[] Headers { get; }

    public bool Matches(in ChannelBlockFields fields) => _fields == fields;

    /// <summary>Builds the block of <paramref name="f"/>; codec rate texts that did not change come from <paramref name="previous"/>.</summary>
    public static ChannelHeaderBlock Build(in ChannelBlockFields f, ChannelHeaderBlock? previous)
    {
        var h = t_scratch ??= new KeyValuePair<string, string>[MaxHeaders];
        var n = 0;
        var direction = StateNames.Of(f.Direction);
        Put(h, ref n, "Channel-Name", f.Name);
        Put(h, ref n, "Unique-ID", f.Uuid);
        h[n++] = new("Call-Direction", direction);
        h[n++] = new("Presence-Call-Direction", direction);
        h[n++] = new("Channel-HIT-Dialplan", f.HitDialplan ? "true" : "false");
        Put(h, ref n, "Channel-Presence-ID", f.PresenceId);
        Put(h, ref n, "Channel-Presence-Data", f.PresenceData);
        Put(h, ref n, "Channel-Call-UUID", f.CallUuid);
        Put(h, ref n, "Answer-State", f.AnswerState);
        if (f.HangupCause is { } cause)
        {
            h[n++] = new("Hangup-Cause", HangupCauses.ToName(cause));
        }
        string? readRate = null, readBitRate = null, writeRate = null, writeBitRate = null;
        if (f.ReadCodecName is not null)
        {
            readRate = Number(f.ReadCodecRate, previous?._fields.ReadCodecRate, previous?._readRate);
            readBitRate = Number(f.ReadCodecBitRate, previous?._fields.ReadCodecBitRate, previous?._readBitRate);
            Put(h, ref n, "Channel-Read-Codec-Name", f.ReadCodecName);
            h[n++] = new("Channel-Read-Codec-Rate", readRate);
            h[n++] = new("Channel-Read-Codec-Bit-Rate", readBitRate);
        }
        if (f.WriteCodecName is not null)
        {
            writeRate = Number(f.WriteCodecRate, previous?._fields.WriteCodecRate, previous?._writeRate);
            writeBitRate = Number(f.WriteCodecBitRate, previous?._fields.WriteCodecBitRate, previous?._writeBitRate);
            Put(h, ref n, "Channel-Write-Codec-Name", f.WriteCodecName);
            h[n++] = new("Channel-Write-Codec-Rate", writeRate);
            h[n++] = new("Channel-Write-Codec-Bit-Rate", writeBitRate);
        }
        var headers = h.AsSpan(0, n).ToArray();
        Array.Clear(h, 0, n);
        return new ChannelHeaderBlock(f, headers, readRate, readBitRate, writeRate, writeBitRate);
    }

    private static void Put(KeyValuePair<string, string>[] h, ref int n, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            h[n++] = new(name, value);
        }
    }

    private static string Number(int value, int? previousValue, string? previousText) =>
        previousText is not null && previousValue == value ? previousText : value.ToString(CultureInfo.InvariantCulture);
}
