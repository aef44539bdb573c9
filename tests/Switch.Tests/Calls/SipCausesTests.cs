using FsCheck;
using FsCheck.Fluent;
using Switch.Calls;

namespace Switch.Tests.Calls;

public sealed class SipCausesTests
{
    // ESL-PROTOCOL.md §7.2, one row per status.
    [Theory]
    [InlineData(200, "NORMAL_CLEARING")]
    [InlineData(401, "CALL_REJECTED")]
    [InlineData(402, "CALL_REJECTED")]
    [InlineData(403, "CALL_REJECTED")]
    [InlineData(407, "CALL_REJECTED")]
    [InlineData(603, "CALL_REJECTED")]
    [InlineData(608, "CALL_REJECTED")]
    [InlineData(404, "UNALLOCATED_NUMBER")]
    [InlineData(405, "SERVICE_UNAVAILABLE")]
    [InlineData(406, "SERVICE_NOT_IMPLEMENTED")]
    [InlineData(415, "SERVICE_NOT_IMPLEMENTED")]
    [InlineData(501, "SERVICE_NOT_IMPLEMENTED")]
    [InlineData(408, "RECOVERY_ON_TIMER_EXPIRE")]
    [InlineData(504, "RECOVERY_ON_TIMER_EXPIRE")]
    [InlineData(410, "NUMBER_CHANGED")]
    [InlineData(413, "INTERWORKING")]
    [InlineData(414, "INTERWORKING")]
    [InlineData(416, "INTERWORKING")]
    [InlineData(420, "INTERWORKING")]
    [InlineData(421, "INTERWORKING")]
    [InlineData(423, "INTERWORKING")]
    [InlineData(505, "INTERWORKING")]
    [InlineData(513, "INTERWORKING")]
    [InlineData(428, "NO_IDENTITY")]
    [InlineData(429, "BAD_IDENTITY_INFO")]
    [InlineData(437, "UNSUPPORTED_CERTIFICATE")]
    [InlineData(438, "INVALID_IDENTITY")]
    [InlineData(480, "NO_USER_RESPONSE")]
    [InlineData(400, "NORMAL_TEMPORARY_FAILURE")]
    [InlineData(481, "NORMAL_TEMPORARY_FAILURE")]
    [InlineData(500, "NORMAL_TEMPORARY_FAILURE")]
    [InlineData(503, "NORMAL_TEMPORARY_FAILURE")]
    [InlineData(482, "EXCHANGE_ROUTING_ERROR")]
    [InlineData(483, "EXCHANGE_ROUTING_ERROR")]
    [InlineData(484, "INVALID_NUMBER_FORMAT")]
    [InlineData(485, "NO_ROUTE_DESTINATION")]
    [InlineData(604, "NO_ROUTE_DESTINATION")]
    [InlineData(486, "USER_BUSY")]
    [InlineData(600, "USER_BUSY")]
    [InlineData(487, "ORIGINATOR_CANCEL")]
    [InlineData(488, "INCOMPATIBLE_DESTINATION")]
    [InlineData(606, "INCOMPATIBLE_DESTINATION")]
    [InlineData(502, "NETWORK_OUT_OF_ORDER")]
    [InlineData(607, "UNWANTED")]
    [InlineData(409, "NORMAL_UNSPECIFIED")]
    [InlineData(422, "NORMAL_UNSPECIFIED")]
    [InlineData(599, "NORMAL_UNSPECIFIED")]
    [InlineData(699, "NORMAL_UNSPECIFIED")]
    public void Sip_status_maps_to_cause(int status, string expected)
    {
        Assert.Equal(expected, HangupCauses.ToName(SipCauses.FromSipStatus(status)));
    }

    [Theory]
    [InlineData(486, "Q.850;cause=21;text=\"CALL_REJECTED\"", "CALL_REJECTED")]
    [InlineData(480, "q.850 ; CAUSE = 17", "USER_BUSY")]
    [InlineData(503, "SIP;cause=503;text=\"Service Unavailable\", Q.850;cause=34", "NORMAL_CIRCUIT_CONGESTION")]
    [InlineData(486, "Q.850;text=\"a;b,c\";cause=19", "NO_ANSWER")]
    [InlineData(486, "SIP;cause=600", "USER_BUSY")]
    [InlineData(486, "Q.850;cause=abc", "USER_BUSY")]
    [InlineData(486, "Q.850;cause=", "USER_BUSY")]
    [InlineData(486, "Q.850", "USER_BUSY")]
    [InlineData(486, "", "USER_BUSY")]
    [InlineData(486, ";;;,,,\"", "USER_BUSY")]
    [InlineData(200, "Q.850;cause=17", "NORMAL_CLEARING")]
    [InlineData(404, "Q.850;cause=24", "UNKNOWN")]
    public void Reason_header_q850_cause_wins_on_failures(int status, string reason, string expected)
    {
        Assert.Equal(expected, HangupCauses.ToName(SipCauses.FromSipStatus(status, reason)));
    }

    [Fact]
    public void Ignore_q850_reason_uses_the_table()
    {
        Assert.Equal(HangupCause.UserBusy, SipCauses.FromSipStatus(486, "Q.850;cause=21", ignoreQ850Reason: true));
    }

    [Theory]
    [InlineData(null, "NORMAL_CLEARING")]
    [InlineData("Q.850;cause=16;text=\"NORMAL_CLEARING\"", "NORMAL_CLEARING")]
    [InlineData("Q.850;cause=31", "NORMAL_UNSPECIFIED")]
    [InlineData("SIP;cause=200;text=\"Call completed elsewhere\"", "NORMAL_CLEARING")]
    public void Bye_cause_comes_from_reason(string? reason, string expected)
    {
        Assert.Equal(expected, HangupCauses.ToName(SipCauses.FromBye(reason)));
    }

    // ESL-PROTOCOL.md §7.3, every cause named in the table plus a sample of the default row.
    [Theory]
    [InlineData("UNALLOCATED_NUMBER", 404)]
    [InlineData("NO_ROUTE_TRANSIT_NET", 404)]
    [InlineData("NO_ROUTE_DESTINATION", 404)]
    [InlineData("USER_BUSY", 486)]
    [InlineData("NO_USER_RESPONSE", 408)]
    [InlineData("NO_ANSWER", 480)]
    [InlineData("SUBSCRIBER_ABSENT", 480)]
    [InlineData("NORMAL_UNSPECIFIED", 480)]
    [InlineData("CALL_REJECTED", 603)]
    [InlineData("DECLINE", 603)]
    [InlineData("REJECT_ALL", 603)]
    [InlineData("NUMBER_CHANGED", 410)]
    [InlineData("REDIRECTION_TO_NEW_DESTINATION", 410)]
    [InlineData("DESTINATION_OUT_OF_ORDER", 502)]
    [InlineData("INVALID_PROFILE", 502)]
    [InlineData("INVALID_NUMBER_FORMAT", 484)]
    [InlineData("INVALID_URL", 484)]
    [InlineData("INVALID_GATEWAY", 484)]
    [InlineData("FACILITY_REJECTED", 501)]
    [InlineData("FACILITY_NOT_IMPLEMENTED", 501)]
    [InlineData("SERVICE_NOT_IMPLEMENTED", 501)]
    [InlineData("REQUESTED_CHAN_UNAVAIL", 503)]
    [InlineData("NORMAL_CIRCUIT_CONGESTION", 503)]
    [InlineData("NETWORK_OUT_OF_ORDER", 503)]
    [InlineData("NORMAL_TEMPORARY_FAILURE", 503)]
    [InlineData("SWITCH_CONGESTION", 503)]
    [InlineData("GATEWAY_DOWN", 503)]
    [InlineData("BEARERCAPABILITY_NOTAVAIL", 503)]
    [InlineData("OUTGOING_CALL_BARRED", 403)]
    [InlineData("INCOMING_CALL_BARRED", 403)]
    [InlineData("BEARERCAPABILITY_NOTAUTH", 403)]
    [InlineData("STALE_DATE", 403)]
    [InlineData("BEARERCAPABILITY_NOTIMPL", 488)]
    [InlineData("INCOMPATIBLE_DESTINATION", 488)]
    [InlineData("RECOVERY_ON_TIMER_EXPIRE", 504)]
    [InlineData("ORIGINATOR_CANCEL", 487)]
    [InlineData("EXCHANGE_ROUTING_ERROR", 483)]
    [InlineData("BUSY_EVERYWHERE", 600)]
    [InlineData("DOES_NOT_EXIST_ANYWHERE", 604)]
    [InlineData("NOT_ACCEPTABLE", 606)]
    [InlineData("UNWANTED", 607)]
    [InlineData("NO_IDENTITY", 428)]
    [InlineData("BAD_IDENTITY_INFO", 429)]
    [InlineData("UNSUPPORTED_CERTIFICATE", 437)]
    [InlineData("INVALID_IDENTITY", 438)]
    [InlineData("NORMAL_CLEARING", 480)]
    [InlineData("MANAGER_REQUEST", 480)]
    [InlineData("ALLOTTED_TIMEOUT", 480)]
    [InlineData("USER_NOT_REGISTERED", 480)]
    public void Cause_maps_to_sip_status(string name, int expected)
    {
        Assert.Equal(expected, SipCauses.ToSipStatus(HangupCauses.Parse(name)));
    }

    [Theory]
    [InlineData("NORMAL_CLEARING", "Q.850;cause=16;text=\"NORMAL_CLEARING\"")]
    [InlineData("USER_BUSY", "Q.850;cause=17;text=\"USER_BUSY\"")]
    [InlineData("INTERWORKING", "Q.850;cause=127;text=\"INTERWORKING\"")]
    [InlineData("UNALLOCATED_NUMBER", "Q.850;cause=1;text=\"UNALLOCATED_NUMBER\"")]
    [InlineData("ORIGINATOR_CANCEL", "SIP;cause=487;text=\"ORIGINATOR_CANCEL\"")]
    [InlineData("MANAGER_REQUEST", "SIP;cause=703;text=\"MANAGER_REQUEST\"")]
    [InlineData("LOSE_RACE", "SIP;cause=200;text=\"Call completed elsewhere\"")]
    [InlineData("PICKED_OFF", "SIP;cause=200;text=\"Call completed elsewhere\"")]
    public void Reason_header_value(string name, string expected)
    {
        Assert.Equal(expected, SipCauses.ReasonHeader(HangupCauses.Parse(name)));
    }

    [Fact]
    public void Reason_header_round_trips_every_q850_cause()
    {
        foreach (var cause in HangupCauses.All.Where(c => (int)c is > 0 and < 128))
        {
            Assert.True(SipCauses.TryParseQ850Cause(SipCauses.ReasonHeader(cause), out var parsed));
            Assert.Equal(cause, parsed);
        }
    }

    [Fact]
    public void Reason_parser_never_throws()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            SipCauses.TryParseQ850Cause(s, out _);
            SipCauses.FromSipStatus(486, s);
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
