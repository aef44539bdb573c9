using System.Buffers;

namespace Switch.EventSocket;

/// <summary>
/// Serializes an <see cref="EslEvent"/> as FreeSWITCH does: plain (§5.1), json (§5.2), xml (§5.3).
/// Headers with an empty value are omitted in every format (FS never stores one).
/// </summary>
public static partial class EslEventSerializer
{
    private const string ArrayPrefix = "ARRAY::";

    /// <summary>Headers longer than this (name + value chars) are written through the chunked writer paths.</summary>
    private const int LongHeader = 1024;

    /// <summary>How much output space is asked for at a time, so that one span holds many headers.</summary>
    private const int SpanHint = 4096;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratch;

    /// <summary>Content-Type of the frames carrying <paramref name="format"/>.</summary>
    public static string ContentTypeOf(EslEventFormat format) => format switch
    {
        EslEventFormat.Json => EslConstants.ContentTypeEventJson,
        EslEventFormat.Xml => EslConstants.ContentTypeEventXml,
        _ => EslConstants.ContentTypeEventPlain,
    };

    /// <summary>Writes the serialized event (the frame body, without outer headers).</summary>
    public static void Write(EslEvent evt, EslEventFormat format, IBufferWriter<byte> writer)
    {
        switch (format)
        {
            case EslEventFormat.Json:
                WriteJson(evt, writer);
                break;
            case EslEventFormat.Xml:
                WriteXml(evt, writer);
                break;
            default:
                WritePlain(evt, writer);
                break;
        }
    }

    /// <summary>
    /// Plain: <c>Name: url-encoded-value\n</c> per header, then either <c>Content-Length: n\n\n</c> + body
    /// (non-empty body) or a single <c>\n</c>.
    /// </summary>
    public static void WritePlain(EslEvent evt, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(writer);
        WritePlainHeaders(evt, writer);
        var body = evt.Body;
        if (string.IsNullOrEmpty(body))
        {
            EslBytes.Write(writer, (byte)'\n');
            return;
        }

        EslBytes.Write(writer, "Content-Length: "u8);
        EslBytes.WriteNumber(writer, EslBytes.Utf8Length(body));
        EslBytes.Write(writer, "\n\n"u8);
        EslBytes.WriteUtf8(writer, body);
    }

    /// <summary>Writes only the <c>Name: url-encoded-value\n</c> lines (used by the outbound connect reply).</summary>
    public static void WritePlainHeaders(IReadOnlyList<KeyValuePair<string, string>> headers, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(writer);
        var span = Span<byte>.Empty;
        var o = 0;
        WritePlainLines(headers is KeyValuePair<string, string>[] array ? array : [.. headers], writer, ref span, ref o);
        writer.Advance(o);
    }

    /// <summary>Writes only the <c>Name: url-encoded-value\n</c> lines of <paramref name="evt"/>, every part in order.</summary>
    internal static void WritePlainHeaders(EslEvent evt, IBufferWriter<byte> writer)
    {
        var span = Span<byte>.Empty;
        var o = 0;
        for (var p = 0; p < evt.PartCount; p++)
        {
            if (evt.SharedArray(p) is { Length: >= EslHeaderBlockCache.MinHeaders } block)
            {
                writer.Advance(o);
                span = Span<byte>.Empty;
                o = 0;
                EslBytes.Write(writer, EslHeaderBlockCache.Get(block, EslEventFormat.Plain, PlainBlock));
                continue;
            }

            WritePlainLines(evt.GetPart(p), writer, ref span, ref o);
        }

        writer.Advance(o);
    }

    /// <summary>The plain lines of a shared block, as <see cref="EslHeaderBlockCache"/> keeps them.</summary>
    private static readonly Action<KeyValuePair<string, string>[], IBufferWriter<byte>> PlainBlock = static (block, writer) =>
    {
        var span = Span<byte>.Empty;
        var o = 0;
        WritePlainLines(block, writer, ref span, ref o);
        writer.Advance(o);
    };

    /// <summary>The json members of a shared block, joined by commas without a leading one.</summary>
    private static readonly Action<KeyValuePair<string, string>[], IBufferWriter<byte>> JsonBlock = static (block, writer) =>
    {
        var span = Span<byte>.Empty;
        var o = 0;
        var first = true;
        WriteJsonMembers(block, writer, ref span, ref o, ref first);
        writer.Advance(o);
    };

    /// <summary>The xml header elements of a shared block.</summary>
    private static readonly Action<KeyValuePair<string, string>[], IBufferWriter<byte>> XmlBlock = static (block, writer) =>
        WriteXmlHeaders(block, writer);

    /// <summary>
    /// The header lines, written straight into spans of <paramref name="writer"/>: one <c>GetSpan</c> for many
    /// headers, each line (name, <c>": "</c>, encoded value, LF) written in place. <paramref name="span"/> and
    /// <paramref name="o"/> (bytes written into it, not yet advanced) carry over from one part to the next.
    /// </summary>
    private static void WritePlainLines(ReadOnlySpan<KeyValuePair<string, string>> headers, IBufferWriter<byte> writer,
        ref Span<byte> span, ref int o)
    {
        foreach (var h in headers)
        {
            var value = h.Value;
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var name = h.Key;
            if (name.Length + value.Length > LongHeader)
            {
                writer.Advance(o);
                span = Span<byte>.Empty;
                o = 0;
                EslBytes.WriteUtf8(writer, name);
                EslBytes.Write(writer, ": "u8);
                EslUrlEncoding.Encode(value, writer);
                EslBytes.Write(writer, (byte)'\n');
                continue;
            }

            var need = (name.Length * 3) + 3 + (value.Length * EslUrlEncoding.MaxBytesPerChar);
            if (span.Length - o < need)
            {
                writer.Advance(o);
                span = writer.GetSpan(Math.Max(need, SpanHint));
                o = 0;
            }

            o += EslBytes.GetUtf8(name, span[o..]);
            span[o] = (byte)':';
            span[o + 1] = (byte)' ';
            o += 2;
            o += EslUrlEncoding.Encode(value, span[o..]);
            span[o++] = (byte)'\n';
        }
    }

    /// <summary>
    /// JSON: one object without whitespace, every value a string (<c>ARRAY::a|:b</c> values become arrays),
    /// then <c>"Content-Length":"n","_body":"…"</c> when the event has a body. No trailing newline.
    /// </summary>
    public static void WriteJson(EslEvent evt, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(writer);
        var span = writer.GetSpan(SpanHint);
        span[0] = (byte)'{';
        var o = 1;
        var first = true;
        for (var p = 0; p < evt.PartCount; p++)
        {
            if (evt.SharedArray(p) is { Length: >= EslHeaderBlockCache.MinHeaders } block)
            {
                var members = EslHeaderBlockCache.Get(block, EslEventFormat.Json, JsonBlock);
                if (members.Length > 0)
                {
                    writer.Advance(o);
                    span = Span<byte>.Empty;
                    o = 0;
                    if (!first)
                    {
                        EslBytes.Write(writer, (byte)',');
                    }

                    EslBytes.Write(writer, members);
                    first = false;
                }

                continue;
            }

            WriteJsonMembers(evt.GetPart(p), writer, ref span, ref o, ref first);
        }

        writer.Advance(o);
        if (evt.Body is { } body)
        {
            EslBytes.Write(writer, first ? "\"Content-Length\":\""u8 : ",\"Content-Length\":\""u8);
            EslBytes.WriteNumber(writer, EslBytes.Utf8Length(body));
            EslBytes.Write(writer, "\",\"_body\":"u8);
            EslJson.WriteString(writer, body);
        }

        EslBytes.Write(writer, (byte)'}');
    }

    /// <summary>The <c>"name":value</c> members, in place like the plain lines; <paramref name="first"/> stays true while none was written.</summary>
    private static void WriteJsonMembers(ReadOnlySpan<KeyValuePair<string, string>> headers, IBufferWriter<byte> writer,
        ref Span<byte> span, ref int o, ref bool first)
    {
        foreach (var h in headers)
        {
            var value = h.Value;
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var name = h.Key;
            var isArray = value.StartsWith(ArrayPrefix, StringComparison.Ordinal);
            if (isArray || name.Length + value.Length > LongHeader)
            {
                writer.Advance(o);
                span = Span<byte>.Empty;
                o = 0;
                if (!first)
                {
                    EslBytes.Write(writer, (byte)',');
                }

                first = false;
                EslJson.WriteString(writer, name);
                EslBytes.Write(writer, (byte)':');
                if (isArray)
                {
                    WriteJsonArray(writer, value.AsSpan(ArrayPrefix.Length));
                }
                else
                {
                    EslJson.WriteString(writer, value);
                }

                continue;
            }

            // ',' + quoted name + ':' + quoted value, each char at most 6 bytes (\u00XX).
            var need = 6 + ((name.Length + value.Length) * EslJson.MaxBytesPerChar);
            if (span.Length - o < need)
            {
                writer.Advance(o);
                span = writer.GetSpan(Math.Max(need, SpanHint));
                o = 0;
            }

            if (!first)
            {
                span[o++] = (byte)',';
            }

            first = false;
            o += EslJson.WriteString(name, span[o..]);
            span[o++] = (byte)':';
            o += EslJson.WriteString(value, span[o..]);
        }
    }

    private static void WriteJsonArray(IBufferWriter<byte> writer, ReadOnlySpan<char> items)
    {
        EslBytes.Write(writer, (byte)'[');
        var first = true;
        while (true)
        {
            var sep = items.IndexOf("|:", StringComparison.Ordinal);
            var item = sep < 0 ? items : items[..sep];
            if (!first)
            {
                EslBytes.Write(writer, (byte)',');
            }

            first = false;
            EslJson.WriteString(writer, item);
            if (sep < 0)
            {
                break;
            }

            items = items[(sep + 2)..];
        }

        EslBytes.Write(writer, (byte)']');
    }

    /// <summary>Builds the complete event frame: outer Content-Length and Content-Type, then the body.</summary>
    internal static byte[] BuildFrame(EslEvent evt, EslEventFormat format)
    {
        var scratch = t_scratch ??= new ArrayBufferWriter<byte>(4096);
        scratch.ResetWrittenCount();
        Write(evt, format, scratch);
        var body = scratch.WrittenSpan;
        Span<byte> prefix = stackalloc byte[MaxFramePrefix];
        var start = WriteFramePrefix(prefix, body.Length, format);
        var frame = GC.AllocateUninitializedArray<byte>(MaxFramePrefix - start + body.Length);
        prefix[start..].CopyTo(frame);
        body.CopyTo(frame.AsSpan(MaxFramePrefix - start));
        if (scratch.Capacity > 1024 * 1024)
        {
            t_scratch = null;
        }

        return frame;
    }

    /// <summary>Longest frame prefix: <c>Content-Length: </c>, ten digits, <c>\nContent-Type: text/event-plain\n\n</c>.</summary>
    internal const int MaxFramePrefix = 64;

    /// <summary>
    /// Writes <c>Content-Length: N\nContent-Type: text/event-…\n\n</c> so that it ends exactly at the end of
    /// <paramref name="room"/> (at least <see cref="MaxFramePrefix"/> bytes), where the body follows; returns where it starts.
    /// </summary>
    internal static int WriteFramePrefix(Span<byte> room, int bodyLength, EslEventFormat format)
    {
        var contentType = format switch
        {
            EslEventFormat.Json => "\nContent-Type: text/event-json\n\n"u8,
            EslEventFormat.Xml => "\nContent-Type: text/event-xml\n\n"u8,
            _ => "\nContent-Type: text/event-plain\n\n"u8,
        };
        var digits = EslBytes.DigitCount(bodyLength);
        var start = room.Length - contentType.Length - digits - "Content-Length: "u8.Length;
        var span = room[start..];
        "Content-Length: "u8.CopyTo(span);
        span = span["Content-Length: "u8.Length..];
        System.Buffers.Text.Utf8Formatter.TryFormat(bodyLength, span, out var written);
        contentType.CopyTo(span[written..]);
        return start;
    }
}
