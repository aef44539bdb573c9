using Switch.Calls;
using Switch.Commands.Registrations;
using Switch.Sip.Transport;

namespace Switch.Hosting;

/// <summary>The running SIP profile ("internal") as the sofia command describes it.</summary>
internal sealed class SofiaProfile(SipStack sip, SwitchAddresses addresses, CallEngine calls) : ISofiaProfile
{
    public string Url => $"sip:mod_sofia@{addresses.Advertised}:{Port}";

    public string SipIp => addresses.Advertised;

    public int SessionsInUse => calls.ChannelCount;

    public void SetSipTrace(bool enabled) => sip.Trace.Enabled = enabled;

    private int Port => sip.BoundEndPoints.Count > 0 ? sip.BoundEndPoints[0].Port : 5060;
}
