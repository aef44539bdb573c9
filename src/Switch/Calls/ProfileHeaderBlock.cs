using System.Globalization;
using System.Runtime.CompilerServices;

namespace Switch.Calls;

/// <summary>
/// One profile's header block as channel events print it (Caller-*, or Other-Type and Other-Leg-*). Immutable:
/// events share it by reference for as long as the profile's values stay the same, which <see cref="Matches"/>
/// checks against the block itself (its values, and the times it was built from).
/// </summary>
internal sealed class ProfileHeaderBlock
{
    /// <summary>The most headers a block has: Other-Type and the 35 profile headers.</summary>
    private const int MaxHeaders = 36;

    [ThreadStatic]
    private static KeyValuePair<string, string>[]? t_scratch;

    private readonly ProfileHeaderNames _names;
    private readonly OtherLegType _otherType;
    private readonly ProfileTimes _times;
    private readonly int _timesAt;

    private ProfileHeaderBlock(ProfileHeaderNames names, OtherLegType otherType, KeyValuePair<string, string>[] headers,
        in ProfileTimes times, int timesAt)
    {
        _names = names;
        _otherType = otherType;
        Headers = headers;
        _times = times;
        _timesAt = timesAt;
    }

    /// <summary>The headers in FreeSWITCH's order, empty values left out; never changed.</summary>
    public KeyValuePair<string, string>[] Headers { get; }

    /// <summary>True when this block is what <see cref="Build"/> would make of the same arguments now.</summary>
    public bool Matches(ProfileHeaderNames names, OtherLegType otherType, CallerProfile profile)
    {
        if (!ReferenceEquals(_names, names) || _otherType != otherType)
        {
            return false;
        }
        var match = new MatchSink(this);
        Walk(names, otherType, profile, ref match);
        return match.Same && match.At == Headers.Length;
    }

    /// <summary>
    /// Builds the block of <paramref name="profile"/> under <paramref name="names"/>, led by Other-Type unless
    /// <paramref name="otherType"/> is None; time texts that did not change are taken from <paramref name="previous"/>.
    /// </summary>
    public static ProfileHeaderBlock Build(ProfileHeaderNames names, OtherLegType otherType, CallerProfile profile,
        ProfileHeaderBlock? previous)
    {
        var build = new BuildSink(t_scratch ??= new KeyValuePair<string, string>[MaxHeaders], previous);
        Walk(names, otherType, profile, ref build);
        var headers = build.Headers.AsSpan(0, build.Count).ToArray();
        Array.Clear(build.Headers, 0, build.Count);
        return new ProfileHeaderBlock(names, otherType, headers, build.Times, build.TimesAt);
    }

    /// <summary>Every header of the block in order, empty values included (the sinks skip them).</summary>
    private static void Walk<TSink>(ProfileHeaderNames n, OtherLegType otherType, CallerProfile p, ref TSink sink)
        where TSink : struct, IProfileSink
    {
        if (otherType != OtherLegType.None)
        {
            sink.Text("Other-Type", otherType == OtherLegType.Originator ? "originator" : "originatee");
        }
        sink.Text(n.Direction, StateNames.Of(p.Direction));
        sink.Text(n.LogicalDirection, StateNames.Of(p.LogicalDirection));
        sink.Text(n.Username, p.Username);
        sink.Text(n.Dialplan, p.Dialplan);
        sink.Text(n.CallerIdName, p.CallerIdName);
        sink.Text(n.CallerIdNumber, p.CallerIdNumber);
        sink.Text(n.OrigCallerIdName, p.OrigCallerIdName);
        sink.Text(n.OrigCallerIdNumber, p.OrigCallerIdNumber);
        sink.Text(n.CalleeIdName, p.CalleeIdName);
        sink.Text(n.CalleeIdNumber, p.CalleeIdNumber);
        sink.Text(n.NetworkAddr, p.NetworkAddr);
        sink.Text(n.Ani, p.Ani);
        sink.Text(n.AniIi, p.AniIi);
        sink.Text(n.DestinationNumber, p.DestinationNumber);
        sink.Text(n.UniqueId, p.UniqueId);
        sink.Text(n.Source, p.Source);
        sink.Text(n.TransferSource, p.TransferSource);
        sink.Text(n.Context, p.Context);
        sink.Text(n.Rdnis, p.Rdnis);
        sink.Text(n.ChannelName, p.ChannelName);
        sink.Text(n.ProfileIndex, p.ProfileIndex);
        sink.Time(0, n.ProfileCreatedTime, p.ProfileCreatedTime);
        sink.Time(1, n.CreatedTime, p.CreatedTime);
        sink.Time(2, n.AnsweredTime, p.AnsweredTime);
        sink.Time(3, n.ProgressTime, p.ProgressTime);
        sink.Time(4, n.ProgressMediaTime, p.ProgressMediaTime);
        sink.Time(5, n.HangupTime, p.HangupTime);
        sink.Time(6, n.TransferTime, p.TransferTime);
        sink.Time(7, n.ResurrectTime, p.ResurrectTime);
        sink.Time(8, n.BridgedTime, p.BridgedTime);
        sink.Time(9, n.LastHold, p.LastHoldTime);
        sink.Time(10, n.HoldAccum, p.HoldAccumTime);
        sink.Text(n.ScreenBit, p.ScreenBit ? "true" : "false");
        sink.Text(n.PrivacyHideName, p.PrivacyHideName ? "true" : "false");
        sink.Text(n.PrivacyHideNumber, p.PrivacyHideNumber ? "true" : "false");
    }

    /// <summary>The eleven times of a profile (microseconds), in header order.</summary>
    [InlineArray(Count)]
    private struct ProfileTimes
    {
        public const int Count = 11;
        private long _element;
    }

    private interface IProfileSink
    {
        /// <summary>A header with a text value; empty values are left out.</summary>
        void Text(string name, string? value);

        /// <summary>Time number <paramref name="index"/>: always printed ("0" when not reached).</summary>
        void Time(int index, string name, long value);
    }

    /// <summary>Compares the walk with a block's headers, one by one.</summary>
    private struct MatchSink(ProfileHeaderBlock block) : IProfileSink
    {
        public bool Same = true;
        public int At;

        public void Text(string name, string? value)
        {
            if (!Same || string.IsNullOrEmpty(value))
            {
                return;
            }
            var headers = block.Headers;
            if (At >= headers.Length || !ReferenceEquals(headers[At].Key, name)
                || (!ReferenceEquals(headers[At].Value, value) && !string.Equals(headers[At].Value, value, StringComparison.Ordinal)))
            {
                Same = false;
                return;
            }
            At++;
        }

        public void Time(int index, string name, long value)
        {
            if (!Same)
            {
                return;
            }
            if (At != block._timesAt + index || block._times[index] != value)
            {
                Same = false;
                return;
            }
            At++;
        }
    }

    /// <summary>Writes the walk's headers into a scratch array.</summary>
    private struct BuildSink(KeyValuePair<string, string>[] headers, ProfileHeaderBlock? previous) : IProfileSink
    {
        public readonly KeyValuePair<string, string>[] Headers = headers;
        public int Count;
        public int TimesAt;
        public ProfileTimes Times;

        public void Text(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                Headers[Count++] = new(name, value);
            }
        }

        public void Time(int index, string name, long value)
        {
            if (index == 0)
            {
                TimesAt = Count;
            }
            Times[index] = value;
            string text;
            if (value == 0)
            {
                text = "0";
            }
            else if (previous is not null && previous._times[index] == value)
            {
                text = previous.Headers[previous._timesAt + index].Value;
            }
            else
            {
                text = value.ToString(CultureInfo.InvariantCulture);
            }
            Headers[Count++] = new(name, text);
        }
    }
}
