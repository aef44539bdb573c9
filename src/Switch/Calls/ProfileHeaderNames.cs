namespace Switch.Calls;

/// <summary>The header names of one profile block (Caller-*, Other-Leg-*, Channel-*), concatenated once per prefix instead of per event.</summary>
internal sealed class ProfileHeaderNames(string prefix)
{
    public static readonly ProfileHeaderNames Caller = new("Caller-");
    public static readonly ProfileHeaderNames OtherLeg = new("Other-Leg-");
    public static readonly ProfileHeaderNames Channel = new("Channel-");

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
