using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Switch.Sip.Message;

namespace Switch.Tests.Sip.Message;

public sealed class SipMessagePropertyTests
{
    private static readonly string[] TokenAlphabet = ["a", "Z", "0", "9", "-", ".", "!", "%", "*", "_", "+", "`", "'", "~"];

    private static Gen<string> Token(int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(TokenAlphabet), n)).Select(a => string.Concat(a));

    private static Gen<string> Text() =>
        Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Gen.Elements("a", "b", " ", "é", "\t", ",", ";", "=", "\"", "<", ">", ":", "@", "Ж"), n))
            .Select(a => string.Concat(a).Trim());

    private static Gen<SipMessage> Messages() =>
        from method in Gen.Elements("INVITE", "REGISTER", "BYE", "OPTIONS", "X-METHOD")
        from user in Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Gen.Elements("a", "Z", "0", "-", ".", "!", "~", "*", "(", "%25", "%41", "&", "=", "+", "$"), n)).Select(a => string.Concat(a))
        from branch in Token(1, 12)
        from tag in Token(1, 10)
        from cseq in Gen.Choose(0, int.MaxValue)
        from extraName in Token(2, 10)
        from extraValue in Text()
        from body in Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i))
        from isResponse in Gen.Elements(true, false)
        from status in Gen.Choose(100, 699)
        select Build(method, user, branch, tag, cseq, "X-" + extraName, extraValue, body, isResponse, status);

    private static SipMessage Build(string method, string user, string branch, string tag, int cseq, string extraName, string extraValue, byte[] body, bool isResponse, int status)
    {
        var builder = isResponse
            ? SipMessageBuilder.Response(status)
            : SipMessageBuilder.Request(method, SipUri.Parse("sip:" + user + "@example.com"));
        return builder
            .AddHeader("Via", "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK" + branch)
            .AddHeader("From", "<sip:" + user + "@example.com>;tag=" + tag)
            .AddHeader("To", "<sip:x@example.com>")
            .AddHeader("Call-ID", tag + "@h")
            .AddHeader("CSeq", cseq + " " + method)
            .AddHeader(extraName, extraValue)
            .SetBody(body, body.Length > 0 ? "application/octet-stream" : null)
            .Build();
    }

    [Fact]
    public void Written_messages_parse_back_equal() =>
        Prop.ForAll(Messages().ToArbitrary(), message =>
        {
            var bytes = message.ToArray();
            return SipMessageParser.TryParse(bytes, out var again, out _)
                && again.ToArray().AsSpan().SequenceEqual(bytes)
                && again.CallId == message.CallId && again.CSeq == message.CSeq && again.FromTag == message.FromTag
                && again.Body.Span.SequenceEqual(message.Body.Span)
                && again.Headers.SequenceEqual(message.Headers);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Parser_never_throws_on_random_bytes() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            _ = SipMessageParser.TryParse(bytes, out _, out _);
            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Parser_never_throws_on_mutated_torture_messages()
    {
        var seeds = TortureCorpus.Entries.Select(e => e.Bytes).ToArray();
        var gen =
            from seed in Gen.Elements(seeds)
            from count in Gen.Choose(1, 8)
            from edits in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 10_000), Gen.Elements<byte>(0, 13, 10, 32, 58, 59, 44, 60, 62, 34, 37, 64, 91, 93, 255)), count)
            select Mutate(seed, edits);
        Prop.ForAll(gen.ToArbitrary(), bytes =>
        {
            if (SipMessageParser.TryParse(bytes, out var m, out _))
            {
                _ = m.ToArray();
                _ = m.Headers;
                _ = m.Vias;
                _ = m.Contacts;
                _ = m.From;
                _ = m.To;
                _ = m.Routes;
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    [Fact]
    public void ToArray_is_what_Write_writes_for_torture_and_mutated_messages()
    {
        // ToArray sizes its one array exactly (or writes folded messages through a pooled buffer): every byte and the
        // length must equal the streaming writer's, whatever the folds, Content-Length lines and compact names.
        var seeds = TortureCorpus.Entries.Select(e => e.Bytes).ToArray();
        var checkedMessages = 0;
        foreach (var seed in seeds)
        {
            if (SipMessageParser.TryParse(seed, out var m, out _))
            {
                AssertToArrayMatchesWrite(m);
                checkedMessages++;
            }
        }

        Assert.True(checkedMessages > 20, $"only {checkedMessages} corpus messages parsed");
        var gen =
            from seed in Gen.Elements(seeds)
            from count in Gen.Choose(1, 4)
            from edits in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 10_000), Gen.Elements<byte>(32, 9, 13, 10, 48, 57)), count)
            select Mutate(seed, edits);
        Prop.ForAll(gen.ToArbitrary(), bytes =>
        {
            if (SipMessageParser.TryParse(bytes, out var m, out _))
            {
                AssertToArrayMatchesWrite(m);
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    [Fact]
    public void ToArray_of_built_messages_is_what_Write_writes() =>
        Prop.ForAll(Messages().ToArbitrary(), message =>
        {
            AssertToArrayMatchesWrite(message);
            return true;
        }).QuickCheckThrowOnFailure();

    private static void AssertToArrayMatchesWrite(SipMessage message)
    {
        var writer = new ArrayBufferWriter<byte>();
        message.Write(writer);
        Assert.Equal(writer.WrittenSpan.ToArray(), message.ToArray());
    }

    private static byte[] Mutate(byte[] seed, (int Position, byte Value)[] edits)
    {
        var copy = seed.ToArray();
        foreach (var (position, value) in edits)
        {
            copy[position % copy.Length] = value;
        }

        return copy;
    }

    [Fact]
    public void Header_names_are_matched_case_insensitively() =>
        Prop.ForAll(Gen.Elements("Call-ID", "i", "CALL-id", "call-ID").ToArbitrary(), name =>
        {
            var text = "OPTIONS sip:a@b SIP/2.0\r\n" + name + ": x@y\r\nl: 0\r\n\r\n";
            return SipMessageParser.TryParse(Encoding.ASCII.GetBytes(text), out var m, out _) && m.CallId == "x@y" && m.GetHeader("call-id") == "x@y";
        }).QuickCheckThrowOnFailure();
}
