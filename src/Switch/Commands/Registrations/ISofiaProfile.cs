namespace Switch.Commands.Registrations;

/// <summary>What the <c>sofia</c> command needs from the running SIP profile; the host implements it.</summary>
internal interface ISofiaProfile
{
    /// <summary>The profile URL as FreeSWITCH prints it, e.g. <c>sip:mod_sofia@192.0.2.10:5060</c>.</summary>
    string Url { get; }

    /// <summary>The address SIP listens on.</summary>
    string SipIp { get; }

    /// <summary>Calls currently using the profile (the "(N)" after RUNNING).</summary>
    int SessionsInUse { get; }

    /// <summary>Turns logging of every SIP message on or off (<c>sofia global siptrace on|off</c>).</summary>
    void SetSipTrace(bool enabled);
}
