using FsCheck;
using FsCheck.Fluent;
using Switch.Calls;

namespace Switch.Tests.Calls;

public sealed class DialStringParserTests
{
    /// <summary>Renders a parse as text so table rows stay readable: groups by '|', targets by ',', vars in [] / {}.</summary>
    private static string Render(DialString d)
    {
        static string Vars(IReadOnlyList<KeyValuePair<string, string>> v) => string.Join(";", v.Select(x => $"{x.Key}={x.Value}"));
        var globals = d.Variables.Count == 0 ? "" : "{" + Vars(d.Variables) + "}";
        return globals + string.Join(" | ", d.Groups.Select(g => string.Join(" , ", g.Targets.Select(t =>
            (t.Variables.Count == 0 ? "" : "[" + Vars(t.Variables) + "]") + t.Endpoint))));
    }

    [Theory]
    [InlineData("user/1000", "user/1000")]
    [InlineData("  user/1000@example.com  ", "user/1000@example.com")]
    [InlineData("user/1000,user/1001", "user/1000 , user/1001")]
    [InlineData("user/1000|user/1001", "user/1000 | user/1001")]
    [InlineData("user/1000,user/1001|user/1002", "user/1000 , user/1001 | user/1002")]
    [InlineData("{a=1,b=2}user/1000", "{a=1;b=2}user/1000")]
    [InlineData("{a=1}{b=2}user/1000", "{a=1;b=2}user/1000")]
    [InlineData("<a=1>{b=2}user/1000", "{a=1;b=2}user/1000")]
    [InlineData("{origination_uuid='2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f'}user/1001", "{origination_uuid=2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f}user/1001")]
    [InlineData("{name='Smith, John',x=\"a|b\"}user/1000", "{name=Smith, John;x=a|b}user/1000")]
    [InlineData("{name=Smith\\, John}user/1000", "{name=Smith, John}user/1000")]
    [InlineData("{^^:a=1,2:b=3}user/1000", "{a=1,2;b=3}user/1000")]
    [InlineData("{sip_h_X-Foo=a=b}user/1000", "{sip_h_X-Foo=a=b}user/1000")]
    [InlineData("[leg_timeout=5]user/1000,[leg_timeout=10,x=y]user/1001", "[leg_timeout=5]user/1000 , [leg_timeout=10;x=y]user/1001")]
    [InlineData("[a=1][b=2]user/1000", "[a=1;b=2]user/1000")]
    [InlineData("[x='a,b|c']user/1000,user/1001", "[x=a,b|c]user/1000 , user/1001")]
    [InlineData("{a=}user/1000", "{a=}user/1000")]
    [InlineData("sofia/internal/1000@192.0.2.5:5060", "sofia/internal/sip:1000@192.0.2.5:5060")]
    [InlineData("sofia/internal/sip:1000@192.0.2.5;transport=tcp", "sofia/internal/sip:1000@192.0.2.5;transport=tcp")]
    [InlineData("sofia/external/sips:bob@example.com", "sofia/external/sips:bob@example.com")]
    [InlineData("error/user_busy", "error/USER_BUSY")]
    [InlineData("error/17", "error/USER_BUSY")]
    [InlineData("USER/1000", "user/1000")]
    public void Parses(string text, string expected)
    {
        Assert.True(DialStringParser.TryParse(text, out var parsed, out var error), error);
        Assert.Equal(expected, Render(parsed));
        Assert.Equal(text.Trim(), parsed.Text);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData(null, "empty")]
    [InlineData("{a=1}", "no endpoint")]
    [InlineData("{a=1", "unterminated")]
    [InlineData("[a=1user/1000", "unterminated")]
    [InlineData("{a}user/1000", "name=value")]
    [InlineData("{=1}user/1000", "name=value")]
    [InlineData("[x=a,b|c]user/1000", "name=value")]
    [InlineData("user/1000,", "empty endpoint")]
    [InlineData("user/1000||user/1001", "empty endpoint")]
    [InlineData("user/", "<type>/<target>")]
    [InlineData("user/@domain", "user/<id>")]
    [InlineData("user/1000@", "user/<id>")]
    [InlineData("1000", "<type>/<target>")]
    [InlineData("loopback/1000", "not supported")]
    [InlineData("sofia/gateway/gw1/1000", "gateway")]
    [InlineData("sofia/internal", "sofia/<profile>/<target>")]
    [InlineData("sofia/internal/sip:@host", "no host")]
    [InlineData("user/1000 &park()", "white space")]
    [InlineData("user/1000:_:user/1001", ":_:")]
    [InlineData("user/1000|{a=1}user/1001", "only allowed at the start")]
    [InlineData("{^^}user/1000", "separator")]
    public void Rejects_with_a_clear_reason(string? text, string reasonPart)
    {
        Assert.False(DialStringParser.TryParse(text, out _, out var error));
        Assert.Contains(reasonPart, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Variable_lookup_takes_the_last_value_case_insensitively()
    {
        Assert.True(DialStringParser.TryParse("{a=1,A=2}[x=1,X=3]user/1000", out var d, out _));
        Assert.Equal("2", d.GetVariable("a"));
        Assert.Equal("3", d.Groups[0].Targets[0].GetVariable("x"));
        Assert.Null(d.GetVariable("missing"));
    }

    [Fact]
    public void Never_throws_on_arbitrary_input()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            var ok = DialStringParser.TryParse(s, out var d, out var error);
            return ok ? d.Groups.Count > 0 && d.Groups.All(g => g.Targets.Count > 0) : error.Length > 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Never_throws_on_dial_string_shaped_input()
    {
        var pieces = new[] { "{", "}", "[", "]", "<", ">", ",", "|", "'", "\"", "\\", "=", "a", "user/", "sofia/", "internal/", "1000", "@", ":_:", "^^", " " };
        var gen = Gen.ArrayOf(Gen.Elements(pieces)).Select(p => string.Concat(p));
        Prop.ForAll(gen.ToArbitrary(), s =>
        {
            DialStringParser.TryParse(s, out _, out _);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_dial_string_parsed_again_is_the_same_immutable_result()
    {
        Assert.True(DialStringParser.TryParse("{bypass_media=true}user/1001", out var first, out _));
        Assert.True(DialStringParser.TryParse(new string("{bypass_media=true}user/1001"), out var again, out _));
        Assert.True(DialStringParser.TryParse("{bypass_media=true}user/1002", out var other, out _));

        Assert.Same(first, again);
        Assert.Equal("user/1002", Render(other)[^9..]);
        Assert.Equal("true", other.GetVariable("bypass_media"));
    }

    [Fact]
    public void Parsing_again_gives_what_the_first_parse_gave_whatever_else_was_parsed_between()
    {
        var pieces = new[] { "{", "}", "[", "]", ",", "|", "'", "=", "a", "b", "user/", "sofia/", "internal/", "1000", "1001", "@", "h" };
        var gen = Gen.ArrayOf(Gen.ArrayOf(Gen.Elements(pieces)).Select(p => string.Concat(p)));
        Prop.ForAll(gen.ToArbitrary(), texts =>
        {
            var first = texts.Select(Describe).ToArray();
            // Backwards, as new strings: other texts share the slots meanwhile.
            for (var i = texts.Length - 1; i >= 0; i--)
            {
                if (Describe(new string(texts[i])) != first[i])
                {
                    return false;
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();

        static string Describe(string text) =>
            DialStringParser.TryParse(text, out var d, out var error) ? "ok " + Render(d) + " " + d.Text : "error " + error;
    }
}
