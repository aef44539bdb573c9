using System.Globalization;
using Switch.Calls;

namespace Switch.Tests.Calls;

/// <summary>
/// The channel data of a channel event (channel block, Caller-*, Other-Type + Other-Leg-*, variable_*) built the
/// plain way, header by header from the channel as it is now: the oracle for the cached blocks of ChannelEvents.
/// </summary>
internal static class ReferenceChannelData
{
    public static List<KeyValuePair<string, string>> Of(Channel ch, bool includeVariables)
    {
        var h = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                h.Add(new(name, value));
            }
        }
        string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
        string Bool(bool b) => b ? "true" : "false";
        string Direction(CallDirection d) => d == CallDirection.Inbound ? "inbound" : "outbound";
        void Profile(string prefix, CallerProfile p)
        {
            Add(prefix + "Direction", Direction(p.Direction));
            Add(prefix + "Logical-Direction", Direction(p.LogicalDirection));
            Add(prefix + "Username", p.Username);
            Add(prefix + "Dialplan", p.Dialplan);
            Add(prefix + "Caller-ID-Name", p.CallerIdName);
            Add(prefix + "Caller-ID-Number", p.CallerIdNumber);
            Add(prefix + "Orig-Caller-ID-Name", p.OrigCallerIdName);
            Add(prefix + "Orig-Caller-ID-Number", p.OrigCallerIdNumber);
            Add(prefix + "Callee-ID-Name", p.CalleeIdName);
            Add(prefix + "Callee-ID-Number", p.CalleeIdNumber);
            Add(prefix + "Network-Addr", p.NetworkAddr);
            Add(prefix + "ANI", p.Ani);
            Add(prefix + "ANI-II", p.AniIi);
            Add(prefix + "Destination-Number", p.DestinationNumber);
            Add(prefix + "Unique-ID", p.UniqueId);
            Add(prefix + "Source", p.Source);
            Add(prefix + "Transfer-Source", p.TransferSource);
            Add(prefix + "Context", p.Context);
            Add(prefix + "RDNIS", p.Rdnis);
            Add(prefix + "Channel-Name", p.ChannelName);
            Add(prefix + "Profile-Index", p.ProfileIndex);
            Add(prefix + "Profile-Created-Time", Number(p.ProfileCreatedTime));
            Add(prefix + "Channel-Created-Time", Number(p.CreatedTime));
            Add(prefix + "Channel-Answered-Time", Number(p.AnsweredTime));
            Add(prefix + "Channel-Progress-Time", Number(p.ProgressTime));
            Add(prefix + "Channel-Progress-Media-Time", Number(p.ProgressMediaTime));
            Add(prefix + "Channel-Hangup-Time", Number(p.HangupTime));
            Add(prefix + "Channel-Transfer-Time", Number(p.TransferTime));
            Add(prefix + "Channel-Resurrect-Time", Number(p.ResurrectTime));
            Add(prefix + "Channel-Bridged-Time", Number(p.BridgedTime));
            Add(prefix + "Channel-Last-Hold", Number(p.LastHoldTime));
            Add(prefix + "Channel-Hold-Accum", Number(p.HoldAccumTime));
            Add(prefix + "Screen-Bit", Bool(p.ScreenBit));
            Add(prefix + "Privacy-Hide-Name", Bool(p.PrivacyHideName));
            Add(prefix + "Privacy-Hide-Number", Bool(p.PrivacyHideNumber));
        }

        string[] states = ["CS_NEW", "CS_INIT", "CS_ROUTING", "CS_SOFT_EXECUTE", "CS_EXECUTE", "CS_EXCHANGE_MEDIA", "CS_PARK",
            "CS_CONSUME_MEDIA", "CS_HIBERNATE", "CS_RESET", "CS_HANGUP", "CS_REPORTING", "CS_DESTROY", "CS_NONE"];
        string[] callStates = ["DOWN", "DIALING", "RINGING", "EARLY", "ACTIVE", "HELD", "RING_WAIT", "HANGUP", "UNHELD"];
        Add("Channel-State", states[(int)ch.State]);
        Add("Channel-Call-State", callStates[(int)ch.CallState]);
        Add("Channel-State-Number", Number((int)ch.RequestedState));
        Add("Channel-Name", ch.Name);
        Add("Unique-ID", ch.Uuid);
        Add("Call-Direction", Direction(ch.Direction));
        Add("Presence-Call-Direction", Direction(ch.Direction));
        Add("Channel-HIT-Dialplan", Bool(ch.HitDialplan));
        Add("Channel-Presence-ID", ch.Variables["presence_id"]);
        Add("Channel-Presence-Data", ch.Variables["presence_data"]);
        Add("Channel-Call-UUID", ch.Variables["call_uuid"] ?? ch.Uuid);
        Add("Answer-State", ch.IsHungUp ? "hangup" : ch.IsAnswered ? "answered" : ch.HasEarlyMedia ? "early" : "ringing");
        if (ch.HangupCause is { } cause)
        {
            Add("Hangup-Cause", HangupCauses.ToName(cause));
        }
        if (ch.ReadCodecName is not null)
        {
            Add("Channel-Read-Codec-Name", ch.ReadCodecName);
            Add("Channel-Read-Codec-Rate", Number(ch.ReadCodecRate));
            Add("Channel-Read-Codec-Bit-Rate", Number(ch.ReadCodecBitRate));
        }
        if (ch.WriteCodecName is not null)
        {
            Add("Channel-Write-Codec-Name", ch.WriteCodecName);
            Add("Channel-Write-Codec-Rate", Number(ch.WriteCodecRate));
            Add("Channel-Write-Codec-Bit-Rate", Number(ch.WriteCodecBitRate));
        }
        Profile("Caller-", ch.Profile);
        if (ch.OtherLegProfile is { } other && ch.OtherLegType != OtherLegType.None)
        {
            Add("Other-Type", ch.OtherLegType == OtherLegType.Originator ? "originator" : "originatee");
            Profile("Other-Leg-", other);
        }
        if (includeVariables)
        {
            foreach (var (name, value) in ch.Variables)
            {
                Add("variable_" + name, value);
            }
        }
        return h;
    }
}
