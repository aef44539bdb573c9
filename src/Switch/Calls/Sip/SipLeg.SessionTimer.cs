using System.Globalization;
using Switch.Sip.Message;
using Switch.Sip.Transactions;

namespace Switch.Calls.Sip;

/// <summary>
/// RFC 4028 session timers, honoured when the far end asks for them: Session-Expires in our answers (with
/// Require: timer when the peer supports it), refreshes sent at half the interval when the switch is the
/// refresher, and a BYE when the far end was to refresh and did not.
/// </summary>
internal abstract partial class SipLeg
{
    private ITimer? _sessionTimer;
    private int _sessionExpires;
    private bool _weRefresh;

    /// <summary>422 with Min-SE when the requested interval is below the minimum (under the lock). False when answered so.</summary>
    private protected bool TryCheckSessionInterval(SipServerTransaction tx)
    {
        if (!TryReadSessionExpires(tx.Request, out var seconds, out _) || seconds >= Context.Options.MinSessionExpires)
        {
            return true;
        }
        tx.TrySendResponse(tx.CreateResponseBuilder(422)
            .AddHeader("Min-SE", Context.Options.MinSessionExpires.ToString(CultureInfo.InvariantCulture)).BuildResponseOnce());
        return false;
    }

    /// <summary>
    /// A request we answer carried Session-Expires (under the lock): the timer restarts; the refresher is
    /// who it names, else the requester when it supports timers, else the switch.
    /// </summary>
    private protected void OnSessionRefreshReceived(SipRequest request)
    {
        if (!TryReadSessionExpires(request, out var seconds, out var refresher))
        {
            if (_sessionExpires > 0)
            {
                ArmSessionTimer(_sessionExpires, _weRefresh);
            }
            return;
        }
        refresher ??= SupportsTimer(request) ? "uac" : "uas";
        ArmSessionTimer(seconds, weRefresh: refresher == "uas");
    }

    /// <summary>Session-Expires and Require: timer on a 2xx answering <paramref name="request"/> (under the lock).</summary>
    private protected SipMessageBuilder WithSessionExpires(SipMessageBuilder builder, SipRequest request)
    {
        if (!TryReadSessionExpires(request, out _, out _) || _sessionExpires <= 0)
        {
            return builder;
        }
        var refresher = _weRefresh ? "uas" : "uac";
        builder.AddHeader(SipHeaderNames.SessionExpires, _sessionExpires.ToString(CultureInfo.InvariantCulture) + ";refresher=" + refresher);
        if (SupportsTimer(request))
        {
            builder.AddHeader(SipHeaderNames.Require, "timer");
        }
        return builder;
    }

    /// <summary>Session-Expires on a refresh or relayed offer the switch sends while a session timer runs.</summary>
    private protected SipMessageBuilder WithSessionRefresher(SipMessageBuilder builder)
    {
        if (_sessionExpires <= 0)
        {
            return builder;
        }
        return builder.AddHeader(SipHeaderNames.SessionExpires,
            _sessionExpires.ToString(CultureInfo.InvariantCulture) + ";refresher=" + (_weRefresh ? "uac" : "uas"));
    }

    /// <summary>The 2xx to a request the switch sent (initial INVITE or refresh) may set or change the session timer.</summary>
    private protected void OnSessionRefreshAnswered(SipResponse response)
    {
        if (!TryReadSessionExpires(response, out var seconds, out var refresher))
        {
            if (_sessionExpires > 0)
            {
                ArmSessionTimer(_sessionExpires, _weRefresh);
            }
            return;
        }
        ArmSessionTimer(seconds, weRefresh: refresher != "uas");
    }

    private void ArmSessionTimer(int seconds, bool weRefresh)
    {
        _sessionTimer?.Dispose();
        _sessionExpires = seconds;
        _weRefresh = weRefresh;
        if (seconds <= 0 || IsEnded)
        {
            _sessionTimer = null;
            return;
        }
        var due = weRefresh ? TimeSpan.FromSeconds(seconds / 2.0) : TimeSpan.FromSeconds(seconds - Math.Min(32, seconds / 3.0));
        ITimer? timer = null;
        timer = Context.Time.CreateTimer(_ => OnSessionTimer(timer!), null, due, Timeout.InfiniteTimeSpan);
        _sessionTimer = timer;
    }

    private protected void StopSessionTimer()
    {
        _sessionTimer?.Dispose();
        _sessionTimer = null;
    }

    private void OnSessionTimer(ITimer timer)
    {
        var expired = false;
        lock (Gate)
        {
            if (!ReferenceEquals(_sessionTimer, timer) || IsEnded)
            {
                return;
            }
            if (_weRefresh)
            {
                SendRefresh();
                ArmSessionTimer(_sessionExpires, weRefresh: true);
                return;
            }
            IsEnded = true;
            FarEndCause = HangupCause.RecoveryOnTimerExpire;
            SendBye(HangupCause.RecoveryOnTimerExpire);
            AbandonPendingOffer();
            Release();
            expired = true;
        }
        if (expired)
        {
            SipCallLog.LegProblem(Context.Logger, Uuid, "session timer expired without a refresh");
            ReportEnded(HangupCause.RecoveryOnTimerExpire, [new("sip_hangup_disposition", "send_bye")]);
        }
    }

    private static bool TryReadSessionExpires(SipMessage message, out int seconds, out string? refresher)
    {
        seconds = 0;
        refresher = null;
        var value = message.GetHeader(SipHeaderNames.SessionExpires);
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var parts = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds <= 0)
        {
            return false;
        }
        foreach (var p in parts.AsSpan(1))
        {
            if (p.StartsWith("refresher=", StringComparison.OrdinalIgnoreCase))
            {
                refresher = p["refresher=".Length..].ToLowerInvariant();
            }
        }
        return true;
    }

    private static bool SupportsTimer(SipMessage message)
    {
        foreach (var header in new[] { SipHeaderNames.Supported, SipHeaderNames.Require })
        {
            foreach (var value in message.GetHeaders(header))
            {
                foreach (var token in value.Split(',', StringSplitOptions.TrimEntries))
                {
                    if (token.Equals("timer", StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
