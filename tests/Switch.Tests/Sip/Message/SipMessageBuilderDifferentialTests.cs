using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Switch.Sip.Message;

namespace Switch.Tests.Sip.Message;

/// <summary>
/// The builder makes its messages without parsing them: these properties check, over many random recipes, that
/// its bytes are what an independent model writes, that it refuses exactly what the parser refuses, and that the
/// message answers every accessor as the parse of its bytes does.
/// </summary>
public sealed class SipMessageBuilderDifferentialTests
{
    private static readonly string[] Tokens = ["a1", "Zz", "9", "x-y", "b.c", "q!", "t%", "s*", "u_v", "p+", "k`", "w'", "n~"];

    /// <summary>Header names (long, compact, odd case, unknown) with valid and invalid values of each kind.</summary>
    private static readonly (string Name, string[] Values)[] Pool =
    [
        ("Via", ["SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK{0};rport", "SIP/2.0/TCP [2001:db8::1];branch=z9hG4bK{0};received=192.0.2.9",
            "SIP/2.0/UDP h1;branch={0}, SIP/2.0/TLS h2:5070;branch=z9hG4bKy;maddr=1.2.3.4;ttl=3", " SIP / 2.0 / udp host ; branch = z9hG4bK{0} ",
            "SIP/2.0/UDP h;rport=5062;received=10.0.0.1", "SIP/2.0 host"]),
        ("v", ["SIP/2.0/UDP compact;branch=z9hG4bK{0}"]),
        ("From", ["<sip:{0}@example.com>;tag={0}", "\"Disp {0}\" <sip:a@b>", "sip:a@b;tag=1", "Anon <sip:x@y;transport=tcp>;tag={0};foo", "<sip:a@b"]),
        ("f", ["<sip:f@h>;tag=f{0}"]),
        ("TO", ["<sip:x@example.com>", "<sip:x@example.com>;tag={0}", "\"\\\"q\\\"\" <tel:+123>", "<>"]),
        ("Call-ID", ["{0}@h", "{0}", "a b"]),
        ("i", ["compact-{0}"]),
        ("CSeq", ["{1} INVITE", "1 REGISTER", "4294967295 X-M", "x", "1"]),
        ("Max-Forwards", ["70", "0", "300"]),
        ("Contact", ["*", "<sip:a@b>;expires=60, <sip:c@d>", "sip:{0}@192.0.2.5:5062;ob", "<"]),
        ("m", ["<sip:m@h>;q=0.5"]),
        ("Route", ["<sip:p1;lr>, <sip:p2;lr>", "<sip:{0}@proxy;lr>", "<"]),
        ("Record-Route", ["<sip:rr;lr>"]),
        ("Expires", ["3600", "0", "-1"]),
        ("Min-Expires", ["60", "x"]),
        ("Content-Type", ["application/sdp", "text / plain ; charset=utf-8", "text"]),
        ("Date", ["Sat, 13 Nov 2010 23:29:00 GMT", "yesterday"]),
        ("Authorization", ["Digest username=\"{0}\", realm=\"x\", nonce=\"n\", uri=\"sip:x\", response=\"r\""]),
        ("User-Agent", ["Switch {0}", "", "  padded  "]),
        ("Allow", ["INVITE, ACK, BYE"]),
        ("X-{0}", ["{0}", "", " lead", "trail\t", "é Ж ü", "\uD800 lone", "a,b;c=d"]),
        ("x-Custom", ["one", "two"]),
    ];

    private static readonly string[] RequestUris =
        ["sip:1000@192.0.2.10", "sip:u@h:5062;transport=tcp", "sips:u%20x@[2001:db8::2]", "sip:h?X-A=1", "tel:+15551234", "urn:service:sos"];

    private static readonly string?[] Reasons = [null, "OK", "Très bien", "", " spaced ", "\uD800", "Ringing"];

    private static Gen<string> Token => Gen.Elements(Tokens);

    private static Gen<Op> Ops =>
        from which in Gen.Choose(0, Pool.Length - 1)
        from value in Gen.Elements(Pool[which].Values)
        from token in Token
        from number in Gen.Choose(0, int.MaxValue)
        from kind in Gen.Frequency((6, Gen.Constant(OpKind.Add)), (1, Gen.Constant(OpKind.Prepend)), (1, Gen.Constant(OpKind.Set)), (1, Gen.Constant(OpKind.Remove)))
        select new Op(kind, string.Format(Pool[which].Name, token), string.Format(value, token, number));

    private static Gen<Recipe> Recipes =>
        from isRequest in Gen.Elements(true, false)
        from method in Gen.Elements("INVITE", "REGISTER", "BYE", "X-METHOD")
        from uri in Gen.Elements(RequestUris)
        from status in Gen.Choose(100, 699)
        from reason in Gen.Elements(Reasons)
        from ops in Gen.Choose(0, 20).SelectMany(n => Gen.ArrayOf(Ops, n)) // past the builders' first capacity (12 and 16 lines)
        from body in Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n))
        from contentType in Gen.Elements<string?>(null, "application/sdp")
        select new Recipe(isRequest, method, uri, status, reason, ops, body, contentType);

    [Fact]
    public void Built_bytes_match_the_model_and_refusals_match_the_parser() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(Recipes.ToArbitrary(), recipe =>
        {
            var (builder, model) = recipe.Apply();
            var expected = Model(recipe, model);
            var parses = SipMessageParser.TryParse(expected, out var parsed, out _);
            SipMessage? built;
            try
            {
                built = builder.Build();
            }
            catch (InvalidOperationException)
            {
                built = null;
            }

            Assert.Equal(parses, built is not null);
            if (built is not null)
            {
                Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(built.Data.Span));
                BuiltMessageAssert.Same(parsed!, built);
            }
        }));

    [Fact]
    public void Responses_and_copies_of_parsed_messages_answer_as_parsed()
    {
        var sources = TortureCorpus.Entries.Where(e => e.MustParse).Select(e => e.Bytes)
            .Append(Encoding.ASCII.GetBytes(SeedMessages.Invite)).Append(Encoding.ASCII.GetBytes(SeedMessages.Register))
            .Select(b => SipMessageParser.TryParse(b, out var m, out _) ? m : null).OfType<SipMessage>().ToArray();
        Assert.True(sources.Length > 20);
        var gen =
            from source in Gen.Elements(sources)
            from respond in Gen.Elements(true, false)
            from status in Gen.Choose(100, 699)
            from toTag in Gen.Elements<string?>(null, "t1", "abc-9")
            from ops in Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Ops, n))
            select (source, respond, status, toTag, ops);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var builder = c.respond && c.source is SipRequest request
                ? SipResponse.BuilderFor(request, c.status, null, c.toTag)
                : SipMessageBuilder.FromMessage(c.source);
            foreach (var op in c.ops)
            {
                op.ApplyTo(builder);
            }

            SipMessage built;
            try
            {
                built = builder.Build();
            }
            catch (InvalidOperationException)
            {
                Assert.NotEmpty(c.ops); // a copy of a valid message is valid: only added values can be refused
                return;
            }

            BuiltMessageAssert.SameAsParsed(built);
        }));
    }

    [Fact]
    public void A_transaction_top_via_is_inserted_as_the_builder_would()
    {
        var gen =
            from recipe in Recipes
            from via in Gen.Elements("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKabc;rport", " SIP/2.0/TCP [2001:db8::1];branch=z9hG4bK1 ", "SIP/2.0 nonsense")
            select (recipe, via);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(gen.ToArbitrary(), c =>
        {
            SipRequest request;
            try
            {
                request = c.recipe.Apply().Builder.Build() as SipRequest ?? SipMessageBuilder.Request("BYE", SipUri.Parse("sip:h")).Build() as SipRequest ?? throw new InvalidOperationException();
            }
            catch (InvalidOperationException)
            {
                return;
            }

            SipRequest? expected = null, actual = null;
            try
            {
                expected = request.ToBuilder().RemoveHeader("Via").PrependHeader("Via", c.via).BuildRequest();
            }
            catch (InvalidOperationException)
            {
            }

            try
            {
                actual = request.WithOnlyVia(c.via);
            }
            catch (InvalidOperationException)
            {
            }

            Assert.Equal(expected is null, actual is null);
            if (expected is not null)
            {
                BuiltMessageAssert.Same(expected, actual!);
                BuiltMessageAssert.SameAsParsed(actual!);
                Assert.Same(request.CallId, actual!.CallId);
            }
        }));
    }

    [Fact]
    public void Response_keeps_the_request_keys_and_bytes()
    {
        Assert.True(SipMessageParser.TryParseRequest(Encoding.ASCII.GetBytes(SeedMessages.Register), out var request, out _));
        var response = SipResponse.BuilderFor(request, 401, null, "srv-tag").AddHeader("WWW-Authenticate", "Digest realm=\"x\"").BuildResponse();
        BuiltMessageAssert.SameAsParsed(response);
        Assert.Same(request.TopVia, response.TopVia);
        Assert.Same(request.CallId, response.CallId);
        Assert.Equal("srv-tag", response.ToTag);
        Assert.Equal(request.GetHeader("Via"), response.GetHeader("Via"));
    }

    [Fact]
    public void Prepended_content_length_must_agree_with_the_body()
    {
        var agreeing = SipMessageBuilder.Response(200).PrependHeader("Content-Length", "3").SetBody("abc", "text/plain").Build();
        BuiltMessageAssert.SameAsParsed(agreeing);
        Assert.Equal(2, agreeing.CountHeaders(SipHeaderId.ContentLength));
        Assert.Throws<InvalidOperationException>(() => SipMessageBuilder.Response(200).PrependHeader("l", "4").SetBody("abc", "text/plain").Build());
    }

    [Fact]
    public void Builders_built_once_in_a_row_reuse_storage_without_carrying_lines_over() =>
        // Each builder takes the storage the one before gave back (same thread): every message must still be its own
        // recipe, however many lines the previous one had, and a refused build gives the storage back too.
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), Prop.ForAll(Gen.ArrayOf(Recipes, 6).ToArbitrary(), recipes =>
        {
            foreach (var recipe in recipes)
            {
                var (builder, model) = recipe.Apply();
                var expected = Model(recipe, model);
                var parses = SipMessageParser.TryParse(expected, out _, out _);
                SipMessage? built;
                try
                {
                    built = recipe.IsRequest ? builder.BuildRequestOnce() : builder.BuildResponseOnce();
                }
                catch (InvalidOperationException)
                {
                    built = null;
                }

                Assert.Equal(parses, built is not null);
                if (built is not null)
                {
                    Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(built.Data.Span));
                }

                Assert.Throws<InvalidOperationException>(() => builder.AddHeader("Subject", "again"));
                Assert.Throws<InvalidOperationException>(() => builder.RemoveHeader("Subject"));
                Assert.Throws<InvalidOperationException>(() => builder.Build());
            }
        }));

    private static byte[] Model(Recipe recipe, List<(string Name, string Value)> headers)
    {
        var text = new StringBuilder();
        text.Append(recipe.IsRequest
            ? recipe.Method + " " + recipe.Uri + " SIP/2.0"
            : "SIP/2.0 " + recipe.Status + " " + (recipe.Reason ?? SipReasonPhrases.Get(recipe.Status)));
        text.Append("\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var head = Encoding.UTF8.GetBytes(text.Append("Content-Length: ").Append(recipe.Body.Length).Append("\r\n\r\n").ToString());
        return [.. head, .. recipe.Body];
    }

    private enum OpKind
    {
        Add,
        Prepend,
        Set,
        Remove,
    }

    private sealed record Op(OpKind Kind, string Name, string Value)
    {
        public void ApplyTo(SipMessageBuilder builder)
        {
            _ = Kind switch
            {
                OpKind.Add => builder.AddHeader(Name, Value),
                OpKind.Prepend => builder.PrependHeader(Name, Value),
                OpKind.Set => builder.SetHeader(Name, Value),
                _ => builder.RemoveHeader(Name),
            };
        }

        /// <summary>The same operation on a plain list of (written name, value) lines.</summary>
        public void ApplyTo(List<(string Name, string Value)> model)
        {
            var id = SipHeaderNames.Lookup(Name);
            var written = id == SipHeaderId.Unknown ? Name : SipHeaderNames.GetName(id);
            bool Same((string Name, string Value) line) => string.Equals(line.Name, written, StringComparison.OrdinalIgnoreCase);
            switch (Kind)
            {
                case OpKind.Add:
                    model.Add((written, Value));
                    break;
                case OpKind.Prepend:
                    model.Insert(0, (written, Value));
                    break;
                case OpKind.Set:
                    var at = model.FindIndex(l => Same(l));
                    if (at < 0)
                    {
                        model.Add((written, Value));
                    }
                    else
                    {
                        model[at] = (written, Value);
                        for (var i = model.Count - 1; i > at; i--)
                        {
                            if (Same(model[i]))
                            {
                                model.RemoveAt(i);
                            }
                        }
                    }

                    break;
                default:
                    _ = model.RemoveAll(l => Same(l));
                    break;
            }
        }
    }

    private sealed record Recipe(bool IsRequest, string Method, string Uri, int Status, string? Reason, Op[] Ops, byte[] Body, string? ContentType)
    {
        public (SipMessageBuilder Builder, List<(string Name, string Value)> Model) Apply()
        {
            var builder = IsRequest ? SipMessageBuilder.Request(Method, SipUri.Parse(Uri)) : SipMessageBuilder.Response(Status, Reason);
            var model = new List<(string Name, string Value)>();
            foreach (var op in Ops)
            {
                op.ApplyTo(builder);
                op.ApplyTo(model);
            }

            _ = builder.SetBody(Body, ContentType);
            if (ContentType is not null)
            {
                new Op(OpKind.Set, "Content-Type", ContentType).ApplyTo(model);
            }
            else if (Body.Length == 0)
            {
                new Op(OpKind.Remove, "Content-Type", string.Empty).ApplyTo(model);
            }

            return (builder, model);
        }

        public override string ToString() =>
            (IsRequest ? Method + " " + Uri : Status + " " + Reason) + " | " + string.Join(" | ", Ops.Select(o => o.ToString())) + " | body " + Body.Length;
    }
}
