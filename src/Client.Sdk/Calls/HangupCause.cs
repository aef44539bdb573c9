namespace Switch.Client;

/// <summary>
/// FreeSWITCH's hangup causes (<c>switch_call_cause_t</c>), same names and numbers: 1–127 are ITU-T Q.850 cause
/// values, 142 and up FreeSWITCH's own. On the wire (<c>Hangup-Cause</c>, <c>hangup-cause</c>, <c>-ERR &lt;CAUSE&gt;</c>) a cause
/// is always its upper-case name; convert with <see cref="HangupCauses"/>.
/// </summary>
public enum HangupCause
{
    /// <summary><c>NONE</c> (0).</summary>
    None = 0,

    /// <summary><c>UNALLOCATED_NUMBER</c> (1).</summary>
    UnallocatedNumber = 1,

    /// <summary><c>NO_ROUTE_TRANSIT_NET</c> (2).</summary>
    NoRouteTransitNet = 2,

    /// <summary><c>NO_ROUTE_DESTINATION</c> (3).</summary>
    NoRouteDestination = 3,

    /// <summary><c>CHANNEL_UNACCEPTABLE</c> (6).</summary>
    ChannelUnacceptable = 6,

    /// <summary><c>CALL_AWARDED_DELIVERED</c> (7).</summary>
    CallAwardedDelivered = 7,

    /// <summary><c>NORMAL_CLEARING</c> (16).</summary>
    NormalClearing = 16,

    /// <summary><c>USER_BUSY</c> (17).</summary>
    UserBusy = 17,

    /// <summary><c>NO_USER_RESPONSE</c> (18).</summary>
    NoUserResponse = 18,

    /// <summary><c>NO_ANSWER</c> (19).</summary>
    NoAnswer = 19,

    /// <summary><c>SUBSCRIBER_ABSENT</c> (20).</summary>
    SubscriberAbsent = 20,

    /// <summary><c>CALL_REJECTED</c> (21).</summary>
    CallRejected = 21,

    /// <summary><c>NUMBER_CHANGED</c> (22).</summary>
    NumberChanged = 22,

    /// <summary><c>REDIRECTION_TO_NEW_DESTINATION</c> (23).</summary>
    RedirectionToNewDestination = 23,

    /// <summary><c>EXCHANGE_ROUTING_ERROR</c> (25).</summary>
    ExchangeRoutingError = 25,

    /// <summary><c>DESTINATION_OUT_OF_ORDER</c> (27).</summary>
    DestinationOutOfOrder = 27,

    /// <summary><c>INVALID_NUMBER_FORMAT</c> (28).</summary>
    InvalidNumberFormat = 28,

    /// <summary><c>FACILITY_REJECTED</c> (29).</summary>
    FacilityRejected = 29,

    /// <summary><c>RESPONSE_TO_STATUS_ENQUIRY</c> (30).</summary>
    ResponseToStatusEnquiry = 30,

    /// <summary><c>NORMAL_UNSPECIFIED</c> (31).</summary>
    NormalUnspecified = 31,

    /// <summary><c>NORMAL_CIRCUIT_CONGESTION</c> (34).</summary>
    NormalCircuitCongestion = 34,

    /// <summary><c>NETWORK_OUT_OF_ORDER</c> (38).</summary>
    NetworkOutOfOrder = 38,

    /// <summary><c>NORMAL_TEMPORARY_FAILURE</c> (41).</summary>
    NormalTemporaryFailure = 41,

    /// <summary><c>SWITCH_CONGESTION</c> (42).</summary>
    SwitchCongestion = 42,

    /// <summary><c>ACCESS_INFO_DISCARDED</c> (43).</summary>
    AccessInfoDiscarded = 43,

    /// <summary><c>REQUESTED_CHAN_UNAVAIL</c> (44).</summary>
    RequestedChanUnavail = 44,

    /// <summary><c>PRE_EMPTED</c> (45).</summary>
    PreEmpted = 45,

    /// <summary><c>FACILITY_NOT_SUBSCRIBED</c> (50).</summary>
    FacilityNotSubscribed = 50,

    /// <summary><c>OUTGOING_CALL_BARRED</c> (52).</summary>
    OutgoingCallBarred = 52,

    /// <summary><c>INCOMING_CALL_BARRED</c> (54).</summary>
    IncomingCallBarred = 54,

    /// <summary><c>BEARERCAPABILITY_NOTAUTH</c> (57).</summary>
    BearerCapabilityNotAuth = 57,

    /// <summary><c>BEARERCAPABILITY_NOTAVAIL</c> (58).</summary>
    BearerCapabilityNotAvail = 58,

    /// <summary><c>SERVICE_UNAVAILABLE</c> (63).</summary>
    ServiceUnavailable = 63,

    /// <summary><c>BEARERCAPABILITY_NOTIMPL</c> (65).</summary>
    BearerCapabilityNotImpl = 65,

    /// <summary><c>CHAN_NOT_IMPLEMENTED</c> (66).</summary>
    ChanNotImplemented = 66,

    /// <summary><c>FACILITY_NOT_IMPLEMENTED</c> (69).</summary>
    FacilityNotImplemented = 69,

    /// <summary><c>SERVICE_NOT_IMPLEMENTED</c> (79).</summary>
    ServiceNotImplemented = 79,

    /// <summary><c>INVALID_CALL_REFERENCE</c> (81).</summary>
    InvalidCallReference = 81,

    /// <summary><c>INCOMPATIBLE_DESTINATION</c> (88).</summary>
    IncompatibleDestination = 88,

    /// <summary><c>INVALID_MSG_UNSPECIFIED</c> (95).</summary>
    InvalidMsgUnspecified = 95,

    /// <summary><c>MANDATORY_IE_MISSING</c> (96).</summary>
    MandatoryIeMissing = 96,

    /// <summary><c>MESSAGE_TYPE_NONEXIST</c> (97).</summary>
    MessageTypeNonexist = 97,

    /// <summary><c>WRONG_MESSAGE</c> (98).</summary>
    WrongMessage = 98,

    /// <summary><c>IE_NONEXIST</c> (99).</summary>
    IeNonexist = 99,

    /// <summary><c>INVALID_IE_CONTENTS</c> (100).</summary>
    InvalidIeContents = 100,

    /// <summary><c>WRONG_CALL_STATE</c> (101).</summary>
    WrongCallState = 101,

    /// <summary><c>RECOVERY_ON_TIMER_EXPIRE</c> (102).</summary>
    RecoveryOnTimerExpire = 102,

    /// <summary><c>MANDATORY_IE_LENGTH_ERROR</c> (103).</summary>
    MandatoryIeLengthError = 103,

    /// <summary><c>PROTOCOL_ERROR</c> (111).</summary>
    ProtocolError = 111,

    /// <summary><c>INTERWORKING</c> (127).</summary>
    Interworking = 127,

    /// <summary><c>SUCCESS</c> (142).</summary>
    Success = 142,

    /// <summary><c>ORIGINATOR_CANCEL</c> (487).</summary>
    OriginatorCancel = 487,

    /// <summary><c>CRASH</c> (700).</summary>
    Crash = 700,

    /// <summary><c>SYSTEM_SHUTDOWN</c> (701).</summary>
    SystemShutdown = 701,

    /// <summary><c>LOSE_RACE</c> (702).</summary>
    LoseRace = 702,

    /// <summary><c>MANAGER_REQUEST</c> (703).</summary>
    ManagerRequest = 703,

    /// <summary><c>BLIND_TRANSFER</c> (800).</summary>
    BlindTransfer = 800,

    /// <summary><c>ATTENDED_TRANSFER</c> (801).</summary>
    AttendedTransfer = 801,

    /// <summary><c>ALLOTTED_TIMEOUT</c> (802).</summary>
    AllottedTimeout = 802,

    /// <summary><c>USER_CHALLENGE</c> (803).</summary>
    UserChallenge = 803,

    /// <summary><c>MEDIA_TIMEOUT</c> (804).</summary>
    MediaTimeout = 804,

    /// <summary><c>PICKED_OFF</c> (805).</summary>
    PickedOff = 805,

    /// <summary><c>USER_NOT_REGISTERED</c> (806).</summary>
    UserNotRegistered = 806,

    /// <summary><c>PROGRESS_TIMEOUT</c> (807).</summary>
    ProgressTimeout = 807,

    /// <summary><c>INVALID_GATEWAY</c> (808).</summary>
    InvalidGateway = 808,

    /// <summary><c>GATEWAY_DOWN</c> (809).</summary>
    GatewayDown = 809,

    /// <summary><c>INVALID_URL</c> (810).</summary>
    InvalidUrl = 810,

    /// <summary><c>INVALID_PROFILE</c> (811).</summary>
    InvalidProfile = 811,

    /// <summary><c>NO_PICKUP</c> (812).</summary>
    NoPickup = 812,

    /// <summary><c>SRTP_READ_ERROR</c> (813).</summary>
    SrtpReadError = 813,

    /// <summary><c>BOWOUT</c> (814).</summary>
    Bowout = 814,

    /// <summary><c>BUSY_EVERYWHERE</c> (815).</summary>
    BusyEverywhere = 815,

    /// <summary><c>DECLINE</c> (816).</summary>
    Decline = 816,

    /// <summary><c>DOES_NOT_EXIST_ANYWHERE</c> (817).</summary>
    DoesNotExistAnywhere = 817,

    /// <summary><c>NOT_ACCEPTABLE</c> (818).</summary>
    NotAcceptable = 818,

    /// <summary><c>UNWANTED</c> (819).</summary>
    Unwanted = 819,

    /// <summary><c>NO_IDENTITY</c> (820).</summary>
    NoIdentity = 820,

    /// <summary><c>BAD_IDENTITY_INFO</c> (821).</summary>
    BadIdentityInfo = 821,

    /// <summary><c>UNSUPPORTED_CERTIFICATE</c> (822).</summary>
    UnsupportedCertificate = 822,

    /// <summary><c>INVALID_IDENTITY</c> (823).</summary>
    InvalidIdentity = 823,

    /// <summary><c>STALE_DATE</c> (824).</summary>
    StaleDate = 824,

    /// <summary><c>REJECT_ALL</c> (825).</summary>
    RejectAll = 825,
}
