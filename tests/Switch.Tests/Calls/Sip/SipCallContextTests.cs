using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switch.Calls.Sip;
using Switch.Sip.Transport;

namespace Switch.Tests.Calls.Sip;

/// <summary>What the B2BUA's legs share: one target object per place the calls go.</summary>
public sealed class SipCallContextTests
{
    private static SipCallContext NewContext() =>
        new(null!, new SipCallOptions(), null!, TimeProvider.System, NullLogger.Instance, _ => "192.0.2.10:5060");

    [Fact]
    public void Equal_targets_are_one_object_and_a_new_place_takes_the_slot()
    {
        var context = NewContext();
        var first = context.ShareTarget(new SipTarget(SipTransportType.Udp, IPEndPoint.Parse("192.0.2.66:5060")));

        Assert.Same(first, context.ShareTarget(new SipTarget(SipTransportType.Udp, IPEndPoint.Parse("192.0.2.66:5060"))));
        var tcp = new SipTarget(SipTransportType.Tcp, IPEndPoint.Parse("192.0.2.66:5060"), 7);
        Assert.Same(tcp, context.ShareTarget(tcp));
        Assert.Equal(new SipTarget(SipTransportType.Udp, IPEndPoint.Parse("192.0.2.66:5060")),
            context.ShareTarget(new SipTarget(SipTransportType.Udp, IPEndPoint.Parse("192.0.2.66:5060"))));
    }

    [Fact]
    public void However_many_places_the_table_keeps_at_most_one_target_per_slot()
    {
        var context = NewContext();
        for (var port = 1; port <= SipCallContext.TargetSlots * 4; port++)
        {
            var target = new SipTarget(SipTransportType.Udp, new IPEndPoint(IPAddress.Loopback, port));
            Assert.Equal(target, context.ShareTarget(target));
        }
        var last = new SipTarget(SipTransportType.Udp, new IPEndPoint(IPAddress.Loopback, SipCallContext.TargetSlots * 4));
        Assert.NotSame(last, context.ShareTarget(last));
    }
}
