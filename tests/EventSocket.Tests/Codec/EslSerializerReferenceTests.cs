using FsCheck;
using FsCheck.Fluent;

namespace Switch.EventSocket.Tests.Codec;

/// <summary>The optimized plain and json writers produce exactly the bytes of <see cref="ReferenceSerializer"/>.</summary>
public sealed class EslSerializerReferenceTests
{
    private static Gen<string> Text()
    {
        const string Alphabet = "aZ09-_ %+:;\n\r\t\"\\/<>&=?@[]{}|^`~!$'()*,.é€日\u007f\u0001\u001f";
        var fromAlphabet = Gen.Elements(Alphabet.ToCharArray()).Select(c => c.ToString());
        var special = Gen.Elements("😀", "𝄞", "\ud800", "\udc00x", "ARRAY::", "|:", "sofia/internal/1001@192.0.2.55:5060");
        var anyChar = ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString());
        var piece = Gen.Frequency((6, fromAlphabet), (2, special), (1, anyChar));
        var shortText = piece.ListOf().Select(parts => string.Concat(parts));
        // Some values cross the 1,024-char limit of the in-place paths and use the chunked writers.
        var longText = Gen.Choose(1000, 3000).SelectMany(n => piece.ListOf(n)).Select(parts => string.Concat(parts));
        return Gen.Frequency((20, shortText), (1, longText));
    }

    private static Arbitrary<(KeyValuePair<string, string>[] Headers, string? Body)> Events()
    {
        var name = Gen.Frequency((4, Gen.Elements("Event-Name", "Unique-ID", "Caller-Caller-ID-Name", "variable_x")), (1, Text()));
        var value = Gen.Frequency((1, Gen.Constant(string.Empty)), (8, Text()), (1, Text().Select(t => "ARRAY::" + t)));
        var header = name.SelectMany(n => value.Select(v => new KeyValuePair<string, string>(n, v)));
        var body = Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>(string.Empty)), (2, Text().Select(t => (string?)t)));
        return header.ArrayOf().SelectMany(h => body.Select(b => (h, b))).ToArbitrary();
    }

    [Fact]
    public void Plain_frame_equals_the_reference() =>
        Prop.ForAll(Events(), e =>
            new EslEvent(e.Headers, e.Body).GetFrame(EslEventFormat.Plain).Span.SequenceEqual(ReferenceSerializer.PlainFrame(e.Headers, e.Body)))
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Json_frame_equals_the_reference() =>
        Prop.ForAll(Events(), e =>
            new EslEvent(e.Headers, e.Body).GetFrame(EslEventFormat.Json).Span.SequenceEqual(ReferenceSerializer.JsonFrame(e.Headers, e.Body)))
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Header_lists_that_are_not_arrays_serialize_the_same()
    {
        var headers = new List<KeyValuePair<string, string>> { new("Event-Name", "CUSTOM"), new("A", "b c"), new("Empty", string.Empty) };
        var fromList = new EslEvent(headers, "body").GetFrame(EslEventFormat.Plain).ToArray();
        var fromReadOnly = new EslEvent(headers.AsReadOnly(), "body").GetFrame(EslEventFormat.Plain).ToArray();
        Assert.Equal(ReferenceSerializer.PlainFrame(headers, "body"), fromList);
        Assert.Equal(fromList, fromReadOnly);
    }
}
