using System.Text;
using System.Text.Json;
using System.Xml;

namespace Switch.EventSocket;

/// <summary>Parses serialized event bodies (plain, json, xml) back into <see cref="EslEvent"/>. Never throws on malformed input.</summary>
public static class EslEventParser
{
    private const string ArrayPrefix = "ARRAY::";

    /// <summary>
    /// Plain: URL-encoded <c>name: value</c> lines up to the first empty line; an inner <c>Content-Length</c>
    /// gives the body that follows it (not kept as a header). False when the body is shorter than announced.
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<byte> data, out EslEvent? evt)
    {
        var headers = EslMessageReader.ParseHeaders(data, out var contentLength, out var headerBytes, keepContentLength: false);
        evt = null;
        if (contentLength < 0)
        {
            return false;
        }

        string? body = null;
        if (contentLength > 0)
        {
            var rest = data[headerBytes..];
            if (rest.Length < contentLength)
            {
                return false;
            }

            body = EslBytes.Utf8.GetString(rest[..(int)contentLength]);
        }

        evt = new EslEvent(headers, body);
        return true;
    }

    /// <summary>
    /// JSON: an object of string values (arrays become <c>ARRAY::a|:b</c>, other scalars their text);
    /// <c>_body</c> becomes the body and <c>Content-Length</c> is dropped.
    /// </summary>
    public static bool TryParseJson(ReadOnlySpan<byte> data, out EslEvent? evt)
    {
        evt = null;
        try
        {
            var reader = new Utf8JsonReader(data, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var headers = new List<KeyValuePair<string, string>>(32);
            string? body = null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    evt = new EslEvent(headers, body);
                    return true;
                }

                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    return false;
                }

                var name = reader.ValueIsEscaped || reader.HasValueSequence ? reader.GetString()! : EslNames.Get(reader.ValueSpan);
                if (!reader.Read())
                {
                    return false;
                }

                var value = ReadJsonValue(ref reader);
                if (value is null)
                {
                    return false;
                }

                if (name == "_body")
                {
                    body = value;
                }
                else if (name != EslHeaderNames.ContentLength)
                {
                    headers.Add(new(name, value));
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? ReadJsonValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return reader.HasValueSequence
                    ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) is var bytes ? Encoding.UTF8.GetString(bytes) : null
                    : Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.Null:
                return string.Empty;
            case JsonTokenType.StartArray:
                var sb = new StringBuilder(ArrayPrefix);
                var first = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var item = ReadJsonValue(ref reader);
                    if (item is null)
                    {
                        return null;
                    }

                    if (!first)
                    {
                        sb.Append("|:");
                    }

                    first = false;
                    sb.Append(item);
                }

                return sb.ToString();
            default:
                reader.Skip();
                return string.Empty;
        }
    }

    /// <summary>
    /// XML: children of <c>&lt;headers&gt;</c> are headers (text URL-decoded); <c>&lt;body&gt;</c> is the body
    /// (FS's trailing indentation before <c>&lt;/body&gt;</c> removed). DTDs are refused.
    /// </summary>
    public static bool TryParseXml(ReadOnlySpan<byte> data, out EslEvent? evt)
    {
        evt = null;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true };
            using var stream = new MemoryStream(data.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            if (!reader.ReadToFollowing("event"))
            {
                return false;
            }

            var headers = new List<KeyValuePair<string, string>>(32);
            string? body = null;
            var depth = reader.Depth;
            while (reader.Read() && reader.Depth > depth)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.Name == "headers" && !reader.IsEmptyElement)
                {
                    var headersDepth = reader.Depth;
                    reader.Read();
                    while (!reader.EOF)
                    {
                        if (reader.NodeType == XmlNodeType.Element && reader.Depth == headersDepth + 1)
                        {
                            var name = reader.Name;
                            string text;
                            if (reader.IsEmptyElement)
                            {
                                text = string.Empty;
                                reader.Read();
                            }
                            else
                            {
                                text = reader.ReadElementContentAsString();
                            }

                            headers.Add(new(name, EslUrlEncoding.Decode(text)));
                            continue;
                        }

                        if (reader.Depth <= headersDepth || !reader.Read())
                        {
                            break;
                        }
                    }
                }
                else if (reader.Name == "body")
                {
                    var text = reader.IsEmptyElement ? string.Empty : reader.ReadElementContentAsString();
                    body = text.EndsWith("\n  ", StringComparison.Ordinal) ? text[..^2] : text;
                }
            }

            evt = new EslEvent(headers, body);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
