using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Switch.Client;

/// <summary>
/// Converts <see cref="HangupCause"/> to and from FreeSWITCH's wire names (<c>NORMAL_CLEARING</c>). Parsing accepts
/// the name in any case or a decimal number, as FreeSWITCH's <c>str2cause</c> does.
/// </summary>
public static class HangupCauses
{
    /// <summary>What FreeSWITCH prints for a cause number it does not know.</summary>
    public const string UnknownName = "UNKNOWN";

    private static readonly (HangupCause Cause, string Name)[] Table =
    [
        (HangupCause.None, "NONE"),
        (HangupCause.UnallocatedNumber, "UNALLOCATED_NUMBER"),
        (HangupCause.NoRouteTransitNet, "NO_ROUTE_TRANSIT_NET"),
        (HangupCause.NoRouteDestination, "NO_ROUTE_DESTINATION"),
        (HangupCause.ChannelUnacceptable, "CHANNEL_UNACCEPTABLE"),
        (HangupCause.CallAwardedDelivered, "CALL_AWARDED_DELIVERED"),
        (HangupCause.NormalClearing, "NORMAL_CLEARING"),
        (HangupCause.UserBusy, "USER_BUSY"),
        (HangupCause.NoUserResponse, "NO_USER_RESPONSE"),
        (HangupCause.NoAnswer, "NO_ANSWER"),
        (HangupCause.SubscriberAbsent, "SUBSCRIBER_ABSENT"),
        (HangupCause.CallRejected, "CALL_REJECTED"),
        (HangupCause.NumberChanged, "NUMBER_CHANGED"),
        (HangupCause.RedirectionToNewDestination, "REDIRECTION_TO_NEW_DESTINATION"),
        (HangupCause.ExchangeRoutingError, "EXCHANGE_ROUTING_ERROR"),
        (HangupCause.DestinationOutOfOrder, "DESTINATION_OUT_OF_ORDER"),
        (HangupCause.InvalidNumberFormat, "INVALID_NUMBER_FORMAT"),
        (HangupCause.FacilityRejected, "FACILITY_REJECTED"),
        (HangupCause.ResponseToStatusEnquiry, "RESPONSE_TO_STATUS_ENQUIRY"),
        (HangupCause.NormalUnspecified, "NORMAL_UNSPECIFIED"),
        (HangupCause.NormalCircuitCongestion, "NORMAL_CIRCUIT_CONGESTION"),
        (HangupCause.NetworkOutOfOrder, "NETWORK_OUT_OF_ORDER"),
        (HangupCause.NormalTemporaryFailure, "NORMAL_TEMPORARY_FAILURE"),
        (HangupCause.SwitchCongestion, "SWITCH_CONGESTION"),
        (HangupCause.AccessInfoDiscarded, "ACCESS_INFO_DISCARDED"),
        (HangupCause.RequestedChanUnavail, "REQUESTED_CHAN_UNAVAIL"),
        (HangupCause.PreEmpted, "PRE_EMPTED"),
        (HangupCause.FacilityNotSubscribed, "FACILITY_NOT_SUBSCRIBED"),
        (HangupCause.OutgoingCallBarred, "OUTGOING_CALL_BARRED"),
        (HangupCause.IncomingCallBarred, "INCOMING_CALL_BARRED"),
        (HangupCause.BearerCapabilityNotAuth, "BEARERCAPABILITY_NOTAUTH"),
        (HangupCause.BearerCapabilityNotAvail, "BEARERCAPABILITY_NOTAVAIL"),
        (HangupCause.ServiceUnavailable, "SERVICE_UNAVAILABLE"),
        (HangupCause.BearerCapabilityNotImpl, "BEARERCAPABILITY_NOTIMPL"),
        (HangupCause.ChanNotImplemented, "CHAN_NOT_IMPLEMENTED"),
        (HangupCause.FacilityNotImplemented, "FACILITY_NOT_IMPLEMENTED"),
        (HangupCause.ServiceNotImplemented, "SERVICE_NOT_IMPLEMENTED"),
        (HangupCause.InvalidCallReference, "INVALID_CALL_REFERENCE"),
        (HangupCause.IncompatibleDestination, "INCOMPATIBLE_DESTINATION"),
        (HangupCause.InvalidMsgUnspecified, "INVALID_MSG_UNSPECIFIED"),
        (HangupCause.MandatoryIeMissing, "MANDATORY_IE_MISSING"),
        (HangupCause.MessageTypeNonexist, "MESSAGE_TYPE_NONEXIST"),
        (HangupCause.WrongMessage, "WRONG_MESSAGE"),
        (HangupCause.IeNonexist, "IE_NONEXIST"),
        (HangupCause.InvalidIeContents, "INVALID_IE_CONTENTS"),
        (HangupCause.WrongCallState, "WRONG_CALL_STATE"),
        (HangupCause.RecoveryOnTimerExpire, "RECOVERY_ON_TIMER_EXPIRE"),
        (HangupCause.MandatoryIeLengthError, "MANDATORY_IE_LENGTH_ERROR"),
        (HangupCause.ProtocolError, "PROTOCOL_ERROR"),
        (HangupCause.Interworking, "INTERWORKING"),
        (HangupCause.Success, "SUCCESS"),
        (HangupCause.OriginatorCancel, "ORIGINATOR_CANCEL"),
        (HangupCause.Crash, "CRASH"),
        (HangupCause.SystemShutdown, "SYSTEM_SHUTDOWN"),
        (HangupCause.LoseRace, "LOSE_RACE"),
        (HangupCause.ManagerRequest, "MANAGER_REQUEST"),
        (HangupCause.BlindTransfer, "BLIND_TRANSFER"),
        (HangupCause.AttendedTransfer, "ATTENDED_TRANSFER"),
        (HangupCause.AllottedTimeout, "ALLOTTED_TIMEOUT"),
        (HangupCause.UserChallenge, "USER_CHALLENGE"),
        (HangupCause.MediaTimeout, "MEDIA_TIMEOUT"),
        (HangupCause.PickedOff, "PICKED_OFF"),
        (HangupCause.UserNotRegistered, "USER_NOT_REGISTERED"),
        (HangupCause.ProgressTimeout, "PROGRESS_TIMEOUT"),
        (HangupCause.InvalidGateway, "INVALID_GATEWAY"),
        (HangupCause.GatewayDown, "GATEWAY_DOWN"),
        (HangupCause.InvalidUrl, "INVALID_URL"),
        (HangupCause.InvalidProfile, "INVALID_PROFILE"),
        (HangupCause.NoPickup, "NO_PICKUP"),
        (HangupCause.SrtpReadError, "SRTP_READ_ERROR"),
        (HangupCause.Bowout, "BOWOUT"),
        (HangupCause.BusyEverywhere, "BUSY_EVERYWHERE"),
        (HangupCause.Decline, "DECLINE"),
        (HangupCause.DoesNotExistAnywhere, "DOES_NOT_EXIST_ANYWHERE"),
        (HangupCause.NotAcceptable, "NOT_ACCEPTABLE"),
        (HangupCause.Unwanted, "UNWANTED"),
        (HangupCause.NoIdentity, "NO_IDENTITY"),
        (HangupCause.BadIdentityInfo, "BAD_IDENTITY_INFO"),
        (HangupCause.UnsupportedCertificate, "UNSUPPORTED_CERTIFICATE"),
        (HangupCause.InvalidIdentity, "INVALID_IDENTITY"),
        (HangupCause.StaleDate, "STALE_DATE"),
        (HangupCause.RejectAll, "REJECT_ALL"),
    ];

    private static readonly FrozenDictionary<string, HangupCause> ByName =
        Table.ToFrozenDictionary(t => t.Name, t => t.Cause, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<HangupCause, string> ByCause = Table.ToFrozenDictionary(t => t.Cause, t => t.Name);

    /// <summary>Every cause FreeSWITCH defines, in numeric order.</summary>
    public static IReadOnlyList<HangupCause> All { get; } = Array.ConvertAll(Table, t => t.Cause);

    /// <summary>The wire name (<c>USER_BUSY</c>), or <see cref="UnknownName"/> for an undefined number.</summary>
    public static string ToName(this HangupCause cause) => ByCause.TryGetValue(cause, out var name) ? name : UnknownName;

    /// <summary>The Q.850 number carried in <c>hangup_cause_q850</c>: the cause itself up to 127, else 16 (as FreeSWITCH).</summary>
    public static int ToQ850(this HangupCause cause) => (int)cause is > 0 and <= 127 ? (int)cause : (int)HangupCause.NormalClearing;

    /// <summary>Parses a name (any case, surrounding spaces ignored) or a decimal number of a defined cause.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out HangupCause cause)
    {
        cause = HangupCause.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (ByName.TryGetValue(trimmed, out cause))
        {
            return true;
        }

        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && ByCause.ContainsKey((HangupCause)number))
        {
            cause = (HangupCause)number;
            return true;
        }

        cause = HangupCause.None;
        return false;
    }

    /// <summary>Parses like <see cref="TryParse"/>, returning <paramref name="fallback"/> for anything unknown.</summary>
    public static HangupCause Parse(string? text, HangupCause fallback) => TryParse(text, out var cause) ? cause : fallback;
}
