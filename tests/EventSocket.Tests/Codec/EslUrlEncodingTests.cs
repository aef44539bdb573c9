using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Switch.EventSocket.Tests.Codec;

public sealed class EslUrlEncodingTests
{
    [Theory]
    [InlineData("2025-03-04 10:20:30", "2025-03-04%2010%3A20%3A30")]
    [InlineData("sofia/internal/1000@192.0.2.10", "sofia/internal/1000%40192.0.2.10")]
    [InlineData("::1", "%3A%3A1")]
    [InlineData("+OK\n", "%2BOK%0A")]
    [InlineData("Müller", "M%C3%BCller")]
    [InlineData("100%", "100%25")]
    [InlineData("%41", "%2541")]
    [InlineData("!$'()*,-./_~azAZ09", "!$'()*,-./_~azAZ09")]
    [InlineData(" \"#%&+:;<=>?@[\\]^`{|}", "%20%22%23%25%26%2B%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D")]
    [InlineData("\u007f\t", "%7F%09")]
    [InlineData("😀", "%F0%9F%98%80")]
    public void Encodes_like_freeswitch(string value, string expected)
    {
        Assert.Equal(expected, EslUrlEncoding.Encode(value));
        Assert.Equal(value, EslUrlEncoding.Decode(expected));
        Assert.Equal(value, EslUrlEncoding.Decode(Encoding.ASCII.GetBytes(expected)));
    }

    [Theory]
    [InlineData("100%", "100%")]
    [InlineData("%zz%4", "%zz%4")]
    [InlineData("a+b", "a+b")]
    [InlineData("%c3%bc", "ü")]
    [InlineData("%", "%")]
    public void Decode_is_tolerant(string encoded, string expected)
    {
        Assert.Equal(expected, EslUrlEncoding.Decode(encoded));
        Assert.Equal(expected, EslUrlEncoding.Decode(Encoding.UTF8.GetBytes(encoded)));
    }

    private static Arbitrary<string> WellFormedStrings()
    {
        const string Alphabet = "aZ09 %+:;\n\r\t\"\\/<>&=?@[]{}|^`~!$'()*,-._é€日\u007f\u0001";
        var fromAlphabet = Gen.Elements(Alphabet.ToCharArray());
        var emoji = Gen.Elements("😀", "𝄞");
        var piece = Gen.OneOf(fromAlphabet.Select(c => c.ToString()), emoji, ArbMap.Default.GeneratorFor<char>().Where(c => !char.IsSurrogate(c)).Select(c => c.ToString()));
        return piece.ListOf().Select(parts => string.Concat(parts)).ToArbitrary();
    }

    [Fact]
    public void Decode_inverts_encode() =>
        Prop.ForAll(WellFormedStrings(), s => EslUrlEncoding.Decode(EslUrlEncoding.Encode(s)) == s).QuickCheckThrowOnFailure();

    [Fact]
    public void Encoded_output_is_ascii_without_reserved_characters() =>
        Prop.ForAll(WellFormedStrings(), s =>
        {
            var encoded = EslUrlEncoding.Encode(s);
            foreach (var c in encoded)
            {
                if (c >= 0x7F || c < 0x20 || " \"#&+:;<=>?@[\\]^`{|}".Contains(c, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Long_values_encode_across_chunks()
    {
        var value = string.Concat(Enumerable.Repeat("a😀 ", 1000));
        Assert.Equal(value, EslUrlEncoding.Decode(EslUrlEncoding.Encode(value)));
    }

    [Fact]
    public void Plain_event_round_trips_any_header_values() =>
        Prop.ForAll(WellFormedStrings(), WellFormedStrings(), (value, body) =>
        {
            var evt = EslEvent.Create(body, ("Event-Name", "CUSTOM"), ("Value", value));
            var back = Wire.ParseEventFrame(Encoding.UTF8.GetString(evt.GetFrame(EslEventFormat.Plain).Span));
            var json = Wire.ParseEventFrame(Encoding.UTF8.GetString(evt.GetFrame(EslEventFormat.Json).Span));
            var expectedValue = value.Length == 0 ? null : value;
            var expectedBody = body.Length == 0 ? null : body;
            return back.GetHeader("Value") == expectedValue && back.Body == expectedBody
                && json.GetHeader("Value") == expectedValue && (json.Body ?? string.Empty) == body;
        }).QuickCheckThrowOnFailure();
}
