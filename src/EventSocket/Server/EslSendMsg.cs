using System.Globalization;

namespace Switch.EventSocket;

/// <summary>
/// A parsed <c>sendmsg</c> (ESL-PROTOCOL.md §3.4): the fields controllers use, read case-insensitively from the
/// headers; <see cref="ApplicationArgument"/> comes from <c>execute-app-arg</c> or, when absent, from a
/// <c>text/plain</c> body.
/// </summary>
/// <param name="CallCommand">Lower-cased <c>call-command</c> (<c>execute</c>, <c>hangup</c>, <c>unicast</c>, <c>nomedia</c>, <c>xferext</c>), or empty.</param>
/// <param name="ApplicationName"><c>execute-app-name</c>.</param>
/// <param name="ApplicationArgument"><c>execute-app-arg</c> or the body.</param>
/// <param name="Loops"><c>loops</c> (default 1; negative = forever).</param>
/// <param name="EventLock"><c>event-lock: true</c>.</param>
/// <param name="Async"><c>async: true</c>.</param>
/// <param name="EventUuid"><c>Event-UUID</c>, to be copied into <c>Application-UUID</c>.</param>
/// <param name="EventUuidName"><c>Event-UUID-Name</c>, to be copied into <c>Application-UUID-Name</c>.</param>
/// <param name="HangupCause"><c>hangup-cause</c> as sent (name or number), or null.</param>
public sealed record EslSendMsg(
    string CallCommand,
    string? ApplicationName,
    string? ApplicationArgument,
    int Loops,
    bool EventLock,
    bool Async,
    string? EventUuid,
    string? EventUuidName,
    string? HangupCause)
{
    /// <summary>Reads the sendmsg fields from headers and body.</summary>
    public static EslSendMsg Parse(IReadOnlyList<KeyValuePair<string, string>> headers, string? body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? Get(string name)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                if (string.Equals(headers[i].Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return headers[i].Value;
                }
            }

            return null;
        }

        var loops = 1;
        if (Get("loops") is { } loopsText && int.TryParse(loopsText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            loops = n;
        }

        var arg = Get("execute-app-arg");
        if (arg is null && !string.IsNullOrEmpty(body))
        {
            arg = body;
        }

        return new EslSendMsg(
            (Get("call-command") ?? string.Empty).Trim().ToLowerInvariant(),
            Get("execute-app-name"),
            arg,
            loops,
            IsTrue(Get("event-lock")),
            IsTrue(Get("async")),
            Get("Event-UUID"),
            Get("Event-UUID-Name"),
            Get("hangup-cause"));
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || value.Equals("on", StringComparison.OrdinalIgnoreCase) || value == "1");
}
