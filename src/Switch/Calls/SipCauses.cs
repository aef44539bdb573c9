using System.Globalization;

namespace Switch.Calls;

/// <summary>
/// The SIP side of hangup causes, as mod_sofia maps them: a final response received on an outbound leg to
/// a cause (honouring <c>Reason: Q.850;cause=N</c>), a cause to the status sent when rejecting an inbound
/// leg, and the Reason header value put on BYE, CANCEL and failure responses.
/// </summary>
internal static class SipCauses
{
    /// <summary>
    /// The cause for a SIP final status received (sofia_glue_sip_cause_to_freeswitch). When the response
    /// (status 400 and up) or a BYE carries a Reason header with a Q.850 cause, that cause wins, unless
    /// <paramref name="ignoreQ850Reason"/> is set (the channel variable ignore_q850_reason).
    /// </summary>
    public static HangupCause FromSipStatus(int status, string? reasonHeader = null, bool ignoreQ850Reason = false)
    {
        if (!ignoreQ850Reason && status >= 400 && TryParseQ850Cause(reasonHeader, out var q850))
        {
            return q850;
        }
        return status switch
        {
            200 => HangupCause.NormalClearing,
            401 or 402 or 403 or 407 or 603 or 608 => HangupCause.CallRejected,
            404 => HangupCause.UnallocatedNumber,
            405 => HangupCause.ServiceUnavailable,
            406 or 415 or 501 => HangupCause.ServiceNotImplemented,
            408 or 504 => HangupCause.RecoveryOnTimerExpire,
            410 => HangupCause.NumberChanged,
            413 or 414 or 416 or 420 or 421 or 423 or 505 or 513 => HangupCause.Interworking,
            428 => HangupCause.NoIdentity,
            429 => HangupCause.BadIdentityInfo,
            437 => HangupCause.UnsupportedCertificate,
            438 => HangupCause.InvalidIdentity,
            480 => HangupCause.NoUserResponse,
            400 or 481 or 500 or 503 => HangupCause.NormalTemporaryFailure,
            482 or 483 => HangupCause.ExchangeRoutingError,
            484 => HangupCause.InvalidNumberFormat,
            485 or 604 => HangupCause.NoRouteDestination,
            486 or 600 => HangupCause.UserBusy,
            487 => HangupCause.OriginatorCancel,
            488 or 606 => HangupCause.IncompatibleDestination,
            502 => HangupCause.NetworkOutOfOrder,
            607 => HangupCause.Unwanted,
            _ => HangupCause.NormalUnspecified,
        };
    }

    /// <summary>The cause carried by a BYE: its Reason Q.850 cause, else NORMAL_CLEARING.</summary>
    public static HangupCause FromBye(string? reasonHeader, bool ignoreQ850Reason = false) =>
        !ignoreQ850Reason && TryParseQ850Cause(reasonHeader, out var cause) ? cause : HangupCause.NormalClearing;

    /// <summary>The SIP status sent when an unanswered inbound leg is refused with this cause (hangup2sip).</summary>
    public static int ToSipStatus(HangupCause cause) => cause switch
    {
        HangupCause.UnallocatedNumber or HangupCause.NoRouteTransitNet or HangupCause.NoRouteDestination => 404,
        HangupCause.UserBusy => 486,
        HangupCause.NoUserResponse => 408,
        HangupCause.NoAnswer or HangupCause.SubscriberAbsent or HangupCause.NormalUnspecified => 480,
        HangupCause.CallRejected or HangupCause.Decline or HangupCause.RejectAll => 603,
        HangupCause.NumberChanged or HangupCause.RedirectionToNewDestination => 410,
        HangupCause.DestinationOutOfOrder or HangupCause.InvalidProfile => 502,
        HangupCause.InvalidNumberFormat or HangupCause.InvalidUrl or HangupCause.InvalidGateway => 484,
        HangupCause.FacilityRejected or HangupCause.FacilityNotImplemented or HangupCause.ServiceNotImplemented => 501,
        HangupCause.RequestedChanUnavail or HangupCause.NormalCircuitCongestion or HangupCause.NetworkOutOfOrder
            or HangupCause.NormalTemporaryFailure or HangupCause.SwitchCongestion or HangupCause.GatewayDown
            or HangupCause.BearerCapabilityNotAvail => 503,
        HangupCause.OutgoingCallBarred or HangupCause.IncomingCallBarred or HangupCause.BearerCapabilityNotAuth
            or HangupCause.StaleDate => 403,
        HangupCause.BearerCapabilityNotImpl or HangupCause.IncompatibleDestination => 488,
        HangupCause.RecoveryOnTimerExpire => 504,
        HangupCause.OriginatorCancel => 487,
        HangupCause.ExchangeRoutingError => 483,
        HangupCause.BusyEverywhere => 600,
        HangupCause.DoesNotExistAnywhere => 604,
        HangupCause.NotAcceptable => 606,
        HangupCause.Unwanted => 607,
        HangupCause.NoIdentity => 428,
        HangupCause.BadIdentityInfo => 429,
        HangupCause.UnsupportedCertificate => 437,
        HangupCause.InvalidIdentity => 438,
        _ => 480,
    };

    /// <summary>
    /// The Reason header value FreeSWITCH sends with a BYE, CANCEL or failure response:
    /// <c>Q.850;cause=16;text="NORMAL_CLEARING"</c> for Q.850 causes, "Call completed elsewhere" for
    /// LOSE_RACE and PICKED_OFF, else <c>SIP;cause=N;text="NAME"</c> with FreeSWITCH's number.
    /// </summary>
    public static string ReasonHeader(HangupCause cause)
    {
        var number = (int)cause;
        if (number is > 0 and < 128)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Q.850;cause={number};text=\"{HangupCauses.ToName(cause)}\"");
        }
        if (cause is HangupCause.LoseRace or HangupCause.PickedOff)
        {
            return "SIP;cause=200;text=\"Call completed elsewhere\"";
        }
        return string.Create(CultureInfo.InvariantCulture, $"SIP;cause={number};text=\"{HangupCauses.ToName(cause)}\"");
    }

    /// <summary>
    /// Finds a <c>Q.850;cause=N</c> value in a Reason header (possibly several comma-separated values, any
    /// case, parameters in any order). Never throws; false when there is none or N is not 1–999.
    /// </summary>
    public static bool TryParseQ850Cause(string? reasonHeader, out HangupCause cause)
    {
        cause = HangupCause.None;
        if (string.IsNullOrEmpty(reasonHeader))
        {
            return false;
        }
        var rest = reasonHeader.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = IndexOfUnquoted(rest, ',');
            var value = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlySpan<char>.Empty : rest[(end + 1)..];
            if (TryParseOne(value, out cause))
            {
                return true;
            }
        }
        return false;
    }

    private static bool TryParseOne(ReadOnlySpan<char> value, out HangupCause cause)
    {
        cause = HangupCause.None;
        var semi = IndexOfUnquoted(value, ';');
        if (semi < 0 || !value[..semi].Trim().Equals("Q.850", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var parameters = value[(semi + 1)..];
        while (!parameters.IsEmpty)
        {
            var next = IndexOfUnquoted(parameters, ';');
            var parameter = (next < 0 ? parameters : parameters[..next]).Trim();
            parameters = next < 0 ? ReadOnlySpan<char>.Empty : parameters[(next + 1)..];
            var eq = parameter.IndexOf('=');
            if (eq > 0 && parameter[..eq].Trim().Equals("cause", StringComparison.OrdinalIgnoreCase))
            {
                if (int.TryParse(parameter[(eq + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    && n is > 0 and < 1000)
                {
                    cause = (HangupCause)n;
                    return true;
                }
                return false;
            }
        }
        return false;
    }

    private static int IndexOfUnquoted(ReadOnlySpan<char> s, char separator)
    {
        var quoted = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\' && quoted)
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                return i;
            }
        }
        return -1;
    }
}
