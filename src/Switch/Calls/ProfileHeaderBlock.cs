using System.Globalization;

namespace Switch.Calls;

/// <summary>
/// One profile's header block as channel events print it (Caller-*, or Other-Type and Other-Leg-*), with the
/// fields it was built from. Immutable: events share it by reference for as long as those fields stay the same.
/// </summary>
internal sealed class ProfileHeaderBlock
{
    /// <summary>The most headers a block has: Other-Type and the 35 profile headers.</summary>
    private const int MaxHeaders = 36;

    [ThreadStatic]
    private static KeyValuePair<string, string>[]? t_scratch;

    private readonly ProfileHeaderNames _names;
    private readonly OtherLegType _otherType;
    private readonly ProfileFields _fields;
    private readonly int _timesAt;

    private ProfileHeaderBlock(ProfileHeaderNames names, OtherLegType otherType, in ProfileFields fields,
        KeyValuePair<string, string>[] headers, int timesAt)
    {
        _names = names;
        _otherType = otherType;
        _fields = fields;
        Headers = headers;
        _timesAt = timesAt;
    }

    /// <summary>The headers in FreeSWITCH's order, empty values left out; never changed.</summary>
    public KeyValuePair<string, string>[] Headers { get; }

    /// <summary>True when this block is what <see cref="Build"/> would make of the same arguments.</summary>
    public bool Matches(ProfileHeaderNames names, OtherLegType otherType, in ProfileFields fields) =>
        ReferenceEquals(_names, names) && _otherType == otherType && _fields == fields;

    /// <summary>
    /// Builds the block of <paramref name="fields"/> under <paramref name="names"/>, led by Other-Type unless
    /// <paramref name="otherType"/> is None; time texts that did not change are taken from <paramref name="previous"/>.
    /// </summary>
    public static ProfileHeaderBlock Build(ProfileHeaderNames names, OtherLegType otherType, in ProfileFields fields,
        ProfileHeaderBlock? previous)
    {
        var h = t_scratch ??= new KeyValuePair<string, string>[MaxHeaders];
        var n = 0;
        if (otherType != OtherLegType.None)
        {
            h[n++] = new("Other-Type", otherType == OtherLegType.Originator ? "originator" : "originatee");
        }
        var f = fields;
        Put(h, ref n, names.Direction, StateNames.Of(f.Direction));
        Put(h, ref n, names.LogicalDirection, StateNames.Of(f.LogicalDirection));
        Put(h, ref n, names.Username, f.Username);
        Put(h, ref n, names.Dialplan, f.Dialplan);
        Put(h, ref n, names.CallerIdName, f.CallerIdName);
        Put(h, ref n, names.CallerIdNumber, f.CallerIdNumber);
        Put(h, ref n, names.OrigCallerIdName, f.OrigCallerIdName);
        Put(h, ref n, names.OrigCallerIdNumber, f.OrigCallerIdNumber);
        Put(h, ref n, names.CalleeIdName, f.CalleeIdName);
        Put(h, ref n, names.CalleeIdNumber, f.CalleeIdNumber);
        Put(h, ref n, names.NetworkAddr, f.NetworkAddr);
        Put(h, ref n, names.Ani, f.Ani);
        Put(h, ref n, names.AniIi, f.AniIi);
        Put(h, ref n, names.DestinationNumber, f.DestinationNumber);
        Put(h, ref n, names.UniqueId, f.UniqueId);
        Put(h, ref n, names.Source, f.Source);
        Put(h, ref n, names.TransferSource, f.TransferSource);
        Put(h, ref n, names.Context, f.Context);
        Put(h, ref n, names.Rdnis, f.Rdnis);
        Put(h, ref n, names.ChannelName, f.ChannelName);
        Put(h, ref n, names.ProfileIndex, f.ProfileIndex);
        var timesAt = n;
        h[n++] = new(names.ProfileCreatedTime, TimeText(0, f, previous));
        h[n++] = new(names.CreatedTime, TimeText(1, f, previous));
        h[n++] = new(names.AnsweredTime, TimeText(2, f, previous));
        h[n++] = new(names.ProgressTime, TimeText(3, f, previous));
        h[n++] = new(names.ProgressMediaTime, TimeText(4, f, previous));
        h[n++] = new(names.HangupTime, TimeText(5, f, previous));
        h[n++] = new(names.TransferTime, TimeText(6, f, previous));
        h[n++] = new(names.ResurrectTime, TimeText(7, f, previous));
        h[n++] = new(names.BridgedTime, TimeText(8, f, previous));
        h[n++] = new(names.LastHold, TimeText(9, f, previous));
        h[n++] = new(names.HoldAccum, TimeText(10, f, previous));
        h[n++] = new(names.ScreenBit, f.ScreenBit ? "true" : "false");
        h[n++] = new(names.PrivacyHideName, f.PrivacyHideName ? "true" : "false");
        h[n++] = new(names.PrivacyHideNumber, f.PrivacyHideNumber ? "true" : "false");
        var headers = h.AsSpan(0, n).ToArray();
        Array.Clear(h, 0, n);
        return new ProfileHeaderBlock(names, otherType, fields, headers, timesAt);
    }

    private static void Put(KeyValuePair<string, string>[] h, ref int n, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            h[n++] = new(name, value);
        }
    }

    /// <summary>Microseconds as FreeSWITCH prints them ("0" when not reached); the previous block's text when unchanged.</summary>
    private static string TimeText(int index, in ProfileFields fields, ProfileHeaderBlock? previous)
    {
        var value = fields.TimeAt(index);
        if (value == 0)
        {
            return "0";
        }
        if (previous is not null && previous._fields.TimeAt(index) == value)
        {
            return previous.Headers[previous._timesAt + index].Value;
        }
        return value.ToString(CultureInfo.InvariantCulture);
    }
}
