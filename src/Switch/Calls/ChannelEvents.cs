using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using Switch.Events;

namespace Switch.Calls;

/// <summary>
/// Builds CHANNEL_* events as FreeSWITCH lays them out (switch_channel_event_set_data): event-specific
/// leading headers, the channel block (§6.2), the Caller-* profile (§6.3), Other-Type + Other-Leg-*, then
/// variable_* on the event types that carry variables (§6.4), then trailing event-specific headers.
/// </summary>
internal static partial class ChannelEvents
{
    /// <summary>The events that carry variable_* headers (ESL-PROTOCOL.md §6.4).</summary>
    private static readonly FrozenSet<string> EventsWithVariables = new[]
    {
        ChannelEventNames.Create, "CHANNEL_ORIGINATE", "CHANNEL_UUID", ChannelEventNames.Answer, ChannelEventNames.Park,
        ChannelEventNames.Unpark, ChannelEventNames.Bridge, ChannelEventNames.Unbridge, ChannelEventNames.Progress,
        ChannelEventNames.ProgressMedia, ChannelEventNames.Hangup, ChannelEventNames.HangupComplete,
        ChannelEventNames.Execute, ChannelEventNames.ExecuteComplete, ChannelEventNames.Destroy, ChannelEventNames.Data,
        ChannelEventNames.Hold, ChannelEventNames.Unhold, "REQUEST_PARAMS", "SESSION_HEARTBEAT", "API", "RECORD_START",
        "RECORD_STOP", "PLAYBACK_START", "PLAYBACK_STOP", "CALL_UPDATE", "MEDIA_BUG_START", "MEDIA_BUG_STOP", "TEXT", "CUSTOM",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly ProfileHeaderNames CallerNames = new("Caller-");
    private static readonly ProfileHeaderNames OtherLegNames = new("Other-Leg-");
    private static readonly ProfileHeaderNames ChannelNames = new("Channel-");

    public static bool CarriesVariables(string eventName) => EventsWithVariables.Contains(eventName);

    /// <summary>A builder for <paramref name="eventName"/> with no headers yet, tagged with the channel's uuid.</summary>
    public static SwitchEventBuilder Start(string eventName, Channel channel,
        [CallerFilePath] string file = "", [CallerMemberName] string function = "", [CallerLineNumber] int line = 0) =>
        new(eventName, null, file, function, line) { UniqueId = channel.Uuid };

    /// <summary>A complete channel event: channel block, profiles and (where §6.4 says so) variables.</summary>
    public static SwitchEventBuilder Create(string eventName, Channel channel,
        [CallerFilePath] string file = "", [CallerMemberName] string function = "", [CallerLineNumber] int line = 0)
    {
        var builder = Start(eventName, channel, file, function, line);
        AddChannelData(builder, channel, CarriesVariables(eventName));
        return builder;
    }

    /// <summary>Appends the channel block, Caller-*, Other-Leg-* and optionally variable_* headers.</summary>
    public static void AddChannelData(SwitchEventBuilder b, Channel ch, bool includeVariables)
    {
        var direction = StateNames.Of(ch.Direction);
        b.Add("Channel-State", StateNames.Of(ch.State));
        b.Add("Channel-Call-State", StateNames.Of(ch.CallState));
        b.Add("Channel-State-Number", StateNames.NumberOf(ch.RequestedState));
        b.Add("Channel-Name", ch.Name);
        b.Add("Unique-ID", ch.Uuid);
        b.Add("Call-Direction", direction);
        b.Add("Presence-Call-Direction", direction);
        b.Add("Channel-HIT-Dialplan", ch.HitDialplan);
        b.Add("Channel-Presence-ID", ch.Variables["presence_id"]);
        b.Add("Channel-Presence-Data", ch.Variables["presence_data"]);
        b.Add("Channel-Call-UUID", ch.CallUuid);
        b.Add("Answer-State", ch.AnswerState);
        if (ch.HangupCause is { } cause)
        {
            b.Add("Hangup-Cause", HangupCauses.ToName(cause));
        }
        if (ch.ReadCodecName is not null)
        {
            b.Add("Channel-Read-Codec-Name", ch.ReadCodecName);
            b.Add("Channel-Read-Codec-Rate", ch.ReadCodecRate);
            b.Add("Channel-Read-Codec-Bit-Rate", ch.ReadCodecBitRate);
        }
        if (ch.WriteCodecName is not null)
        {
            b.Add("Channel-Write-Codec-Name", ch.WriteCodecName);
            b.Add("Channel-Write-Codec-Rate", ch.WriteCodecRate);
            b.Add("Channel-Write-Codec-Bit-Rate", ch.WriteCodecBitRate);
        }
        AddProfile(b, CallerNames, ch.Profile);
        if (ch.OtherLegProfile is { } other && ch.OtherLegType != OtherLegType.None)
        {
            b.Add("Other-Type", ch.OtherLegType == OtherLegType.Originator ? "originator" : "originatee");
            AddProfile(b, OtherLegNames, other);
        }
        if (includeVariables)
        {
            AddVariables(b, ch);
        }
    }

    /// <summary>The Channel-* profile block that heads the outbound socket's connect reply.</summary>
    public static void AddChannelProfile(SwitchEventBuilder b, Channel ch) => AddProfile(b, ChannelNames, ch.Profile);

    public static void AddVariables(SwitchEventBuilder b, Channel ch)
    {
        foreach (var (name, value) in ch.Variables)
        {
            b.Add(string.Concat("variable_", name), value);
        }
    }

    private static void AddProfile(SwitchEventBuilder b, ProfileHeaderNames n, CallerProfile p)
    {
        b.Add(n.Direction, StateNames.Of(p.Direction));
        b.Add(n.LogicalDirection, StateNames.Of(p.LogicalDirection));
        b.Add(n.Username, p.Username);
        b.Add(n.Dialplan, p.Dialplan);
        b.Add(n.CallerIdName, p.CallerIdName);
        b.Add(n.CallerIdNumber, p.CallerIdNumber);
        b.Add(n.OrigCallerIdName, p.OrigCallerIdName);
        b.Add(n.OrigCallerIdNumber, p.OrigCallerIdNumber);
        b.Add(n.CalleeIdName, p.CalleeIdName);
        b.Add(n.CalleeIdNumber, p.CalleeIdNumber);
        b.Add(n.NetworkAddr, p.NetworkAddr);
        b.Add(n.Ani, p.Ani);
        b.Add(n.AniIi, p.AniIi);
        b.Add(n.DestinationNumber, p.DestinationNumber);
        b.Add(n.UniqueId, p.UniqueId);
        b.Add(n.Source, p.Source);
        b.Add(n.TransferSource, p.TransferSource);
        b.Add(n.Context, p.Context);
        b.Add(n.Rdnis, p.Rdnis);
        b.Add(n.ChannelName, p.ChannelName);
        b.Add(n.ProfileIndex, p.ProfileIndex);
        b.Add(n.ProfileCreatedTime, Micros(p.ProfileCreatedTime));
        b.Add(n.CreatedTime, Micros(p.CreatedTime));
        b.Add(n.AnsweredTime, Micros(p.AnsweredTime));
        b.Add(n.ProgressTime, Micros(p.ProgressTime));
        b.Add(n.ProgressMediaTime, Micros(p.ProgressMediaTime));
        b.Add(n.HangupTime, Micros(p.HangupTime));
        b.Add(n.TransferTime, Micros(p.TransferTime));
        b.Add(n.ResurrectTime, Micros(p.ResurrectTime));
        b.Add(n.BridgedTime, Micros(p.BridgedTime));
        b.Add(n.LastHold, Micros(p.LastHoldTime));
        b.Add(n.HoldAccum, Micros(p.HoldAccumTime));
        b.Add(n.ScreenBit, p.ScreenBit);
        b.Add(n.PrivacyHideName, p.PrivacyHideName);
        b.Add(n.PrivacyHideNumber, p.PrivacyHideNumber);
    }

    private static string Micros(long value) => value == 0 ? "0" : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The header names of one profile block, concatenated once per prefix instead of per event.</summary>
    private sealed class ProfileHeaderNames(string prefix)
    {
        public readonly string Direction = prefix + "Direction";
        public readonly string LogicalDirection = prefix + "Logical-Direction";
        public readonly string Username = prefix + "Username";
        public readonly string Dialplan = prefix + "Dialplan";
        public readonly string CallerIdName = prefix + "Caller-ID-Name";
        public readonly string CallerIdNumber = prefix + "Caller-ID-Number";
        public readonly string OrigCallerIdName = prefix + "Orig-Caller-ID-Name";
        public readonly string OrigCallerIdNumber = prefix + "Orig-Caller-ID-Number";
        public readonly string CalleeIdName = prefix + "Callee-ID-Name";
        public readonly string CalleeIdNumber = prefix + "Callee-ID-Number";
        public readonly string NetworkAddr = prefix + "Network-Addr";
        public readonly string Ani = prefix + "ANI";
        public readonly string AniIi = prefix + "ANI-II";
        public readonly string DestinationNumber = prefix + "Destination-Number";
        public readonly string UniqueId = prefix + "Unique-ID";
        public readonly string Source = prefix + "Source";
        public readonly string TransferSource = prefix + "Transfer-Source";
        public readonly string Context = prefix + "Context";
        public readonly string Rdnis = prefix + "RDNIS";
        public readonly string ChannelName = prefix + "Channel-Name";
        public readonly string ProfileIndex = prefix + "Profile-Index";
        public readonly string ProfileCreatedTime = prefix + "Profile-Created-Time";
        public readonly string CreatedTime = prefix + "Channel-Created-Time";
        public readonly string AnsweredTime = prefix + "Channel-Answered-Time";
        public readonly string ProgressTime = prefix + "Channel-Progress-Time";
        public readonly string ProgressMediaTime = prefix + "Channel-Progress-Media-Time";
        public readonly string HangupTime = prefix + "Channel-Hangup-Time";
        public readonly string TransferTime = prefix + "Channel-Transfer-Time";
        public readonly string ResurrectTime = prefix + "Channel-Resurrect-Time";
        public readonly string BridgedTime = prefix + "Channel-Bridged-Time";
        public readonly string LastHold = prefix + "Channel-Last-Hold";
        public readonly string HoldAccum = prefix + "Channel-Hold-Accum";
        public readonly string ScreenBit = prefix + "Screen-Bit";
        public readonly string PrivacyHideName = prefix + "Privacy-Hide-Name";
        public readonly string PrivacyHideNumber = prefix + "Privacy-Hide-Number";
    }
}
