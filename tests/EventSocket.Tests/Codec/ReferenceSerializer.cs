using System.Globalization;
using System.Text;

namespace Switch.EventSocket.Tests.Codec;

/// <summary>
/// A deliberately naive, rune-by-rune statement of the plain and json event formats (ESL-PROTOCOL.md §5.1, §5.2),
/// against which the optimized serializer is checked on random events.
/// </summary>
internal static class ReferenceSerializer
{
    private const string Reserved = " \"#%&+:;<=>?@[\\]^`{|}";

    public static byte[] PlainFrame(IReadOnlyList<KeyValuePair<string, string>> headers, string? body) =>
        Frame("text/event-plain", Plain(headers, body));

    public static byte[] JsonFrame(IReadOnlyList<KeyValuePair<string, string>> headers, string? body) =>
        Frame("text/event-json", Json(headers, body));

    private static byte[] Frame(string contentType, byte[] body)
    {
        var head = Encoding.ASCII.GetBytes($"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\nContent-Type: {contentType}\n\n");
        return [.. head, .. body];
    }

    private static byte[] Plain(IReadOnlyList<KeyValuePair<string, string>> headers, string? body)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in headers)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            text.Append(name).Append(": ").Append(UrlEncode(value)).Append('\n');
        }

        if (string.IsNullOrEmpty(body))
        {
            text.Append('\n');
        }
        else
        {
            text.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body).ToString(CultureInfo.InvariantCulture)).Append("\n\n").Append(body);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string UrlEncode(string value)
    {
        var text = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is >= 0x20 and < 0x7F && !Reserved.Contains((char)rune.Value, StringComparison.Ordinal))
            {
                text.Append((char)rune.Value);
                continue;
            }

            foreach (var b in Encoding.UTF8.GetBytes(rune.ToString()))
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static byte[] Json(IReadOnlyList<KeyValuePair<string, string>> headers, string? body)
    {
        var members = new List<string>();
        foreach (var (name, value) in headers)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var json = value.StartsWith("ARRAY::", StringComparison.Ordinal)
                ? "[" + string.Join(",", value["ARRAY::".Length..].Split("|:").Select(JsonString)) + "]"
                : JsonString(value);
            members.Add(JsonString(name) + ":" + json);
        }

        if (body is not null)
        {
            members.Add("\"Content-Length\":\"" + Encoding.UTF8.GetByteCount(body).ToString(CultureInfo.InvariantCulture) + "\"");
            members.Add("\"_body\":" + JsonString(body));
        }

        return Encoding.UTF8.GetBytes("{" + string.Join(",", members) + "}");
    }

    private static string JsonString(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            text.Append(rune.Value switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < 0x20 => "\\u00" + rune.Value.ToString("x2", CultureInfo.InvariantCulture),
                _ => rune.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
