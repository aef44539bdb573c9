using System.Net;
using Switch.Sip.Message;
using Switch.Sip.Transport;

namespace Switch.Tests.Sip.Transport;

public sealed class SipTargetTests
{
    [Theory]
    [InlineData("sip:1008@10.240.80.69:59531;rinstance=b2", "Udp", "10.240.80.69", 59531)]
    [InlineData("sip:1008@10.0.0.1;transport=TCP", "Tcp", "10.0.0.1", 5060)]
    [InlineData("sip:[2001:db8::1]:5070", "Udp", "2001:db8::1", 5070)]
    public void Ip_uris_name_a_target(string uri, string transport, string address, int port)
    {
        Assert.True(SipTarget.TryFromUri(SipUri.Parse(uri), out var target));
        Assert.Equal(Enum.Parse<SipTransportType>(transport), target.Transport);
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), target.EndPoint);
    }

    [Theory]
    [InlineData("sip:alice@example.com")]
    [InlineData("tel:+15551234")]
    public void Names_need_resolution(string uri) => Assert.False(SipTarget.TryFromUri(SipUri.Parse(uri), out _));
}
