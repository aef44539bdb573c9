using System.Net;
using Switch.Registrar;

namespace Switch.Tests.Registrar;

public sealed class ContactValueTests
{
    [Fact]
    public void Parses_the_seed_contact()
    {
        Assert.True(ContactValue.TryParse("<sip:1008@10.240.80.69:59531;rinstance=b22023be9ce02608>", out var c));

        Assert.Equal("sip:1008@10.240.80.69:59531;rinstance=b22023be9ce02608", c.Uri);
        Assert.Null(c.Display);
        Assert.Null(c.Expires);
    }

    [Fact]
    public void Reads_display_and_header_parameters()
    {
        const string value = "\"Alice \\\"A\\\" L\" <sip:1000-0x55c6a1@192.0.2.5:5060;transport=tcp>;expires=600;q=0.7;" +
            "+sip.instance=\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\";reg-id=2";

        Assert.True(ContactValue.TryParse(value, out var c));

        Assert.Equal("Alice \"A\" L", c.Display);
        Assert.Equal("sip:1000-0x55c6a1@192.0.2.5:5060;transport=tcp", c.Uri);
        Assert.Equal(600, c.Expires);
        Assert.Equal(0.7f, c.Q);
        Assert.Equal("<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>", c.InstanceId);
        Assert.Equal(2, c.RegId);
        Assert.Equal(value, c.Value);
    }

    [Fact]
    public void Addr_spec_form_puts_every_parameter_in_the_header()
    {
        Assert.True(ContactValue.TryParse("sip:1000@192.0.2.5;expires=0", out var c));

        Assert.Equal("sip:1000@192.0.2.5", c.Uri);
        Assert.Equal(0, c.Expires);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<sip:1000@host")]
    [InlineData("nocolon")]
    [InlineData("<>")]
    [InlineData("\"unterminated <sip:a@b>")]
    public void Rejects_unusable_values(string value) => Assert.False(ContactValue.TryParse(value, out _));

    [Fact]
    public void Splits_on_commas_outside_quotes_and_brackets()
    {
        var parts = ContactValue.Split("\"Doe, John\" <sip:a@b;x=1,2>;expires=60 , <sip:c@d>,sip:e@f");

        Assert.Equal(["\"Doe, John\" <sip:a@b;x=1,2>;expires=60", "<sip:c@d>", "sip:e@f"], parts);
        Assert.True(ContactValue.IsWildcard(" * "));
    }

    [Theory]
    [InlineData("<sip:1008@10.240.80.69:59531;rinstance=b22023be9ce02608>", "<sip:1008@10.240.80.69:59531;rinstance=b22023be9ce02608>;expires=3600")]
    [InlineData("<sip:a@b>;expires=60;q=0.5", "<sip:a@b>;q=0.5;expires=3600")]
    [InlineData("sip:a@b;EXPIRES=10", "sip:a@b;expires=3600")]
    [InlineData("\"x;expires=1\" <sip:a@b;expires=2>", "\"x;expires=1\" <sip:a@b;expires=2>;expires=3600")]
    [InlineData("<sip:a@b>;;+sip.instance=\"<urn:x;y>\";  ;expires=5", "<sip:a@b>;+sip.instance=\"<urn:x;y>\";expires=3600")]
    [InlineData("<sip:a@b> junk ;reg-id=1", "<sip:a@b>;reg-id=1;expires=3600")]
    public void With_expires_rewrites_only_the_header_parameter(string value, string expected) =>
        Assert.Equal(expected, ContactValue.WithExpires(value, 3600));

    [Theory]
    [InlineData("sip:1000@192.0.2.5:5060", "192.0.2.5", 5060, "Udp", false)]
    [InlineData("sip:1000@192.0.2.5", "192.0.2.5", 5060, "Udp", false)]
    [InlineData("sips:1000@192.0.2.5", "192.0.2.5", 5061, "Tls", false)]
    [InlineData("sip:1000@10.0.0.5:5060", "203.0.113.9", 40123, "Udp", true)]
    [InlineData("sip:1000@192.0.2.5:5060", "192.0.2.5", 40123, "Udp", true)]
    [InlineData("sip:1000@192.0.2.5:5060;transport=tcp", "192.0.2.5", 40123, "Tcp", false)]
    [InlineData("sip:1000@phone.example.com", "203.0.113.9", 5060, "Udp", false)]
    [InlineData("sip:1000@[2001:db8::5]:5070", "2001:db8::5", 5070, "Udp", false)]
    [InlineData("sip:1000@[2001:db8::5]:5070", "2001:db8::6", 5070, "Udp", true)]
    public void Nat_is_a_received_address_that_differs_from_the_contact(string uri, string ip, int port, string transport, bool nat) =>
        Assert.Equal(nat, ContactAddress.IsBehindNat(uri, new IPEndPoint(IPAddress.Parse(ip), port), Enum.Parse<BindingTransport>(transport)));

    [Fact]
    public void With_expires_keeps_a_value_longer_than_the_stack_buffer()
    {
        var value = "<sip:a@b>;x-long=" + new string('v', 1500) + ";expires=9";
        Assert.Equal("<sip:a@b>;x-long=" + new string('v', 1500) + ";expires=60", ContactValue.WithExpires(value, 60));
    }

    [Theory]
    [InlineData("<sip:a@b>;expires", null)]
    [InlineData("<sip:a@b>;expires=", null)]
    [InlineData("<sip:a@b>;expires=99999999999999999999999", long.MaxValue)]
    [InlineData("<sip:a@b>;expires=1x", null)]
    [InlineData("<sip:a@b>;expires= 30 ", 30L)]
    public void Reads_the_expires_parameter(string value, long? expires)
    {
        Assert.True(ContactValue.TryParse(value, out var c));
        Assert.Equal(expires, c.Expires);
    }

    [Fact]
    public void A_quoted_semicolon_does_not_split_a_parameter()
    {
        Assert.True(ContactValue.TryParse("<sip:a@b>;+sip.instance=\"<urn:uuid:1;2>\";reg-id=2;q=0.7", out var c));
        Assert.Equal("<urn:uuid:1;2>", c.InstanceId);
        Assert.Equal(2, c.RegId);
        Assert.Equal(0.7f, c.Q);
    }
}
