using System.Runtime.CompilerServices;
using Switch.Events;

namespace Switch.Calls;

/// <summary>The events whose own headers come before or after the channel block (ESL-PROTOCOL.md §6.7).</summary>
internal static partial class ChannelEvents
{
    /// <summary>CHANNEL_CALLSTATE: Original-Channel-Call-State and Channel-Call-State-Number lead; the block shows the new state.</summary>
    public static SwitchEventBuilder CallStateChanged(Channel ch, CallState original,
        [CallerFilePath] string file = "", [CallerMemberName] string function = "", [CallerLineNumber] int line = 0)
    {
        var b = Begin(ChannelEventNames.CallState, ch, 2, file, function, line);
        b.Add("Original-Channel-Call-State", StateNames.Of(original));
        b.Add("Channel-Call-State-Number", StateNames.NumberOf(ch.CallState));
        AddChannelData(b, ch, includeVariables: false, trailingHeaders: false);
        return b;
    }

    /// <summary>CHANNEL_EXECUTE: the channel data, then Application, Application-Data, Application-UUID[, -Name].</summary>
    public static SwitchEventBuilder Execute(Channel ch, string application, string? data, string applicationUuid,
        string? applicationUuidName,
        [CallerFilePath] string file = "", [CallerMemberName] string function = "", [CallerLineNumber] int line = 0)
    {
        var b = Begin(ChannelEventNames.Execute, ch, 4, file, function, line);
        AddChannelData(b, ch, includeVariables: true, trailingHeaders: true);
        b.Add("Application", application);
        b.Add("Application-Data", data);
        b.Add("Application-UUID", applicationUuid);
        b.Add("Application-UUID-Name", applicationUuidName);
        return b;
    }

    /// <summary>CHANNEL_EXECUTE_COMPLETE: as CHANNEL_EXECUTE with Application-Response (or _none_) before Application-UUID.</summary>
    public static SwitchEventBuilder ExecuteComplete(Channel ch, string application, string? data, string? response,
        string applicationUuid, string? applicationUuidName,
        [CallerFilePath] string file = "", [CallerMemberName] string function = "", [CallerLineNumber] int line = 0)
    {
        var b = Begin(ChannelEventNames.ExecuteComplete, ch, 5, file, function, line);
        AddChannelData(b, ch, includeVariables: true, trailingHeaders: true);
        b.Add("Application", application);
        b.Add("Application-Data", data);
        b.Add("Application-Response", string.IsNullOrEmpty(response) ? "_none_" : response);
        b.Add("Application-UUID", applicationUuid);
        b.Add("Application-UUID-Name", applicationUuidName);
        return b;
    }

    /// <summary>
    /// CHANNEL_BRIDGE or CHANNEL_UNBRIDGE, fired once per bridge: Bridge-A-Unique-ID and Bridge-B-Unique-ID
    /// lead, then the channel data of the a-leg (the leg the bridge was requested on).
    /// </summary>
    public static SwitchEventBuilder BridgeChange(string eventName, Channel a, Channel b,
        [CallerFilePath] string file = "", [CallerMemberName] string function = "", [CallerLineNumber] int line = 0)
    {
        var e = Begin(eventName, a, 2, file, function, line);
        e.Add("Bridge-A-Unique-ID", a.Uuid);
        e.Add("Bridge-B-Unique-ID", b.Uuid);
        AddChannelData(e, a, includeVariables: true, trailingHeaders: false);
        return e;
    }

    /// <summary>CHANNEL_HANGUP_COMPLETE: Hangup-Cause leads (and appears again in the channel block).</summary>
    public static SwitchEventBuilder HangupComplete(Channel ch,
        [CallerFilePath] string file = "", [CallerMemberName] string function = "", [CallerLineNumber] int line = 0)
    {
        var b = Begin(ChannelEventNames.HangupComplete, ch, 1, file, function, line);
        b.Add("Hangup-Cause", HangupCauses.ToName(ch.HangupCause ?? HangupCause.NormalClearing));
        AddChannelData(b, ch, includeVariables: true, trailingHeaders: false);
        return b;
    }
}
