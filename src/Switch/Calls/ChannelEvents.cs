using System.Collections.Frozen;
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

    public static bool CarriesVariables(string eventName) => EventsWithVariables.Contains(eventName);

    /// <summary>How many own headers <see cref="Start"/> makes room for (DTMF adds three after the channel data).</summary>
    private const int DefaultOwnRoom = 3;

    /// <summary>A builder for <paramref name="eventName"/> with no headers yet, tagged with the channel's uuid.</summary>
    public static SwitchEventBuilder Start(string eventName, Channel channel,
        [CallerFilePath] string file = "", [CallerMemberName] string function = "", [CallerLineNumber] int line = 0) =>
        Begin(eventName, channel, DefaultOwnRoom, file, function, line);

    /// <summary>A complete channel event: channel block, profiles and (where §6.4 says so) variables.</summary>
    public static SwitchEventBuilder Create(string eventName, Channel channel,
        [CallerFilePath] string file = "", [CallerMemberName] string function = "", [CallerLineNumber] int line = 0)
    {
        var builder = Begin(eventName, channel, 0, file, function, line);
        AddChannelData(builder, channel, CarriesVariables(eventName), trailingHeaders: false);
        return builder;
    }

    /// <summary>
    /// Appends the channel block, Caller-*, Other-Leg-* and optionally variable_* headers, each as a block shared
    /// with the channel's other events until something in it changes (<see cref="ChannelHeaderCache"/>).
    /// </summary>
    public static void AddChannelData(SwitchEventBuilder b, Channel ch, bool includeVariables) =>
        AddChannelData(b, ch, includeVariables, trailingHeaders: true);

    /// <summary>As above; <paramref name="trailingHeaders"/> says whether own headers follow, to size the event's parts exactly.</summary>
    private static void AddChannelData(SwitchEventBuilder b, Channel ch, bool includeVariables, bool trailingHeaders)
    {
        var blocks = ChannelHeaderCache.For(ch);
        var other = ch.OtherLegType != OtherLegType.None ? ch.OtherLegProfile : null;
        b.ReserveParts(3 + (other is null ? 0 : 1) + (includeVariables ? 1 : 0) + (trailingHeaders ? 1 : 0));
        b.AddBlock(StateNames.StateHeaders(ch.State, ch.CallState, ch.RequestedState));
        b.AddBlock(blocks.ChannelBlock(ch));
        b.AddBlock(blocks.CallerBlock(ch.Profile));
        if (other is not null)
        {
            b.AddBlock(blocks.OtherLegBlock(other, ch.OtherLegType));
        }
        if (includeVariables)
        {
            b.AddBlock(blocks.VariablesBlock(ch.Variables));
        }
    }

    private static SwitchEventBuilder Begin(string eventName, Channel channel, int ownRoom, string file, string function, int line) =>
        new(eventName, null, ownRoom, file, function, line) { UniqueId = channel.Uuid };

    /// <summary>The Channel-* profile block that heads the outbound socket's connect reply.</summary>
    public static void AddChannelProfile(SwitchEventBuilder b, Channel ch) =>
        b.AddBlock(ProfileHeaderBlock.Build(ProfileHeaderNames.Channel, OtherLegType.None, ch.Profile, null).Headers);
}
