using System.Text;

namespace Switch.EventSocket.Tests.Codec;

public sealed class EslEventSerializerTests
{
    private static string Frame(EslEvent evt, EslEventFormat format) => Encoding.UTF8.GetString(evt.GetFrame(format).Span);

    [Fact]
    public void BackgroundJob_plain_round_trips_to_the_golden_frame()
    {
        var golden = Wire.Fixture("background_job.plain.txt");
        var evt = Wire.ParseEventFrame(golden);
        Assert.Equal("BACKGROUND_JOB", evt.EventName);
        Assert.Equal("{origination_uuid=2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f}user/1001 &park()", evt.GetHeader("Job-Command-Arg"));
        Assert.Equal("+OK 2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f\n", evt.Body);
        Assert.Null(evt.GetHeader("Content-Length"));
        Assert.Equal(40211, evt.Sequence);
        Assert.Equal(golden, Frame(evt, EslEventFormat.Plain));
    }

    [Fact]
    public void BackgroundJob_json_equals_golden_frame_built_from_the_plain_event()
    {
        var evt = Wire.ParseEventFrame(Wire.Fixture("background_job.plain.txt"));
        Assert.Equal(Wire.Fixture("background_job.json.txt"), Frame(evt, EslEventFormat.Json));
    }

    [Fact]
    public void BackgroundJob_json_parses_to_the_same_event_as_plain()
    {
        var fromPlain = Wire.ParseEventFrame(Wire.Fixture("background_job.plain.txt"));
        var fromJson = Wire.ParseEventFrame(Wire.Fixture("background_job.json.txt"));
        Assert.Equal(fromPlain.Headers, fromJson.Headers);
        Assert.Equal(fromPlain.Body, fromJson.Body);
    }

    [Fact]
    public void ChannelAnswer_plain_round_trips_to_the_golden_frame()
    {
        var golden = Wire.Fixture("channel_answer.plain.txt");
        var evt = Wire.ParseEventFrame(golden);
        Assert.Equal("sofia/internal/1001@192.0.2.55:5060", evt.GetHeader("channel-name"));
        Assert.Null(evt.Body);
        Assert.Equal(golden, Frame(evt, EslEventFormat.Plain));
    }

    [Fact]
    public void SofiaRegister_json_round_trips_and_plain_encodes_subclass_and_contact()
    {
        var golden = Wire.Fixture("sofia_register.json.txt");
        var evt = Wire.ParseEventFrame(golden);
        Assert.Equal("sofia::register", evt.EventSubclass);
        Assert.Equal(golden, Frame(evt, EslEventFormat.Json));
        var plain = Frame(evt, EslEventFormat.Plain);
        Assert.Contains("\nEvent-Subclass: sofia%3A%3Aregister\n", plain, StringComparison.Ordinal);
        Assert.Contains("\ncontact: %221001%22%20%3Csip%3A1001%40192.0.2.55%3A5060%3Btransport%3Dudp%3E\n", plain, StringComparison.Ordinal);
        Assert.EndsWith("user-agent: Linphone/5.2\n\n", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_without_body_ends_with_empty_line_and_omits_empty_values()
    {
        var evt = EslEvent.Create(null, ("Event-Name", "HEARTBEAT"), ("Empty", ""), ("Event-Info", "System Ready"));
        const string Body = "Event-Name: HEARTBEAT\nEvent-Info: System%20Ready\n\n";
        Assert.Equal($"Content-Length: {Body.Length}\nContent-Type: text/event-plain\n\n{Body}", Frame(evt, EslEventFormat.Plain));
    }

    [Fact]
    public void Plain_with_non_ascii_body_counts_bytes_in_both_lengths()
    {
        var evt = EslEvent.Create("Grüße 😀\n", ("Event-Name", "CUSTOM"), ("Event-Subclass", "x::y"));
        var frame = evt.GetFrame(EslEventFormat.Plain).ToArray();
        const string Inner = "Event-Name: CUSTOM\nEvent-Subclass: x%3A%3Ay\nContent-Length: 13\n\nGrüße 😀\n";
        Assert.Equal(13, Encoding.UTF8.GetByteCount("Grüße 😀\n"));
        var expected = Encoding.UTF8.GetBytes($"Content-Length: {Encoding.UTF8.GetByteCount(Inner)}\nContent-Type: text/event-plain\n\n{Inner}");
        Assert.Equal(expected, frame);
        var back = Wire.ParseEventFrame(Encoding.UTF8.GetString(frame));
        Assert.Equal("Grüße 😀\n", back.Body);
    }

    [Fact]
    public void Plain_keeps_duplicate_headers_in_order()
    {
        var evt = EslEvent.Create(null, ("Event-Name", "CHANNEL_HANGUP_COMPLETE"), ("Hangup-Cause", "NORMAL_CLEARING"), ("Unique-ID", "u"), ("Hangup-Cause", "NORMAL_CLEARING"));
        var back = Wire.ParseEventFrame(Frame(evt, EslEventFormat.Plain));
        Assert.Equal(evt.Headers, back.Headers);
        Assert.Equal("NORMAL_CLEARING", back.GetHeader("hangup-cause"));
    }

    [Fact]
    public void Json_escapes_like_cjson_and_writes_non_ascii_raw()
    {
        var evt = EslEvent.Create(null, ("Event-Name", "CUSTOM"), ("q", "a\"b\\c/d\n\r\t\b\f\u0001é"));
        var json = Encoding.UTF8.GetString(evt.GetFrame(EslEventFormat.Json).Span);
        Assert.EndsWith("{\"Event-Name\":\"CUSTOM\",\"q\":\"a\\\"b\\\\c/d\\n\\r\\t\\b\\f\\u0001é\"}", json, StringComparison.Ordinal);
        var back = Wire.ParseEventFrame(json);
        Assert.Equal(evt.Headers, back.Headers);
    }

    [Fact]
    public void Json_array_headers_become_arrays_and_back()
    {
        var evt = EslEvent.Create(null, ("Event-Name", "CUSTOM"), ("list", "ARRAY::a|:b c|:d"));
        var json = Encoding.UTF8.GetString(evt.GetFrame(EslEventFormat.Json).Span);
        Assert.Contains("\"list\":[\"a\",\"b c\",\"d\"]", json, StringComparison.Ordinal);
        Assert.Equal("ARRAY::a|:b c|:d", Wire.ParseEventFrame(json).GetHeader("list"));
        Assert.Contains("list: ARRAY%3A%3Aa%7C%3Ab%20c%7C%3Ad\n", Frame(evt, EslEventFormat.Plain), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_empty_body_still_carries_the_body_keys()
    {
        var evt = EslEvent.Create(string.Empty, ("Event-Name", "BACKGROUND_JOB"));
        Assert.EndsWith("{\"Event-Name\":\"BACKGROUND_JOB\",\"Content-Length\":\"0\",\"_body\":\"\"}", Frame(evt, EslEventFormat.Json), StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_matches_the_documented_shape()
    {
        var evt = EslEvent.Create(
            "+OK 2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f\n",
            ("Event-Name", "BACKGROUND_JOB"),
            ("Event-Date-Local", "2025-03-04 10:20:30"),
            ("Job-UUID", "f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e"));
        const string Doc = "<event>\n  <headers>\n    <Event-Name>BACKGROUND_JOB</Event-Name>\n    <Event-Date-Local>2025-03-04%2010%3A20%3A30</Event-Date-Local>\n    <Job-UUID>f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e</Job-UUID>\n  </headers>\n  <Content-Length>41</Content-Length>\n  <body>+OK 2d4e6f80-9a1b-4c3d-8e7f-6a5b4c3d2e1f\n  </body>\n</event>\n";
        Assert.Equal($"Content-Length: {Doc.Length}\nContent-Type: text/event-xml\n\n{Doc}", Frame(evt, EslEventFormat.Xml));
        var back = Wire.ParseEventFrame(Frame(evt, EslEventFormat.Xml));
        Assert.Equal(evt.Headers, back.Headers);
        Assert.Equal(evt.Body, back.Body);
    }

    [Fact]
    public void Xml_escapes_body_markup()
    {
        var evt = EslEvent.Create("<a & b>\r", ("Event-Name", "CUSTOM"), ("Empty", ""), ("X", "1"));
        var xml = Frame(evt, EslEventFormat.Xml);
        Assert.Contains("<body>&lt;a &amp; b&gt;&#xD;</body>", xml, StringComparison.Ordinal);
        var back = Wire.ParseEventFrame(xml);
        Assert.Equal([new("Event-Name", "CUSTOM"), new("X", "1")], back.Headers);
        Assert.Equal("<a & b>\r", back.Body);
    }

    [Fact]
    public void Frame_is_cached_per_format()
    {
        var evt = EslEvent.Create(null, ("Event-Name", "HEARTBEAT"));
        var a = evt.GetFrame(EslEventFormat.Plain);
        var b = evt.GetFrame(EslEventFormat.Plain);
        Assert.True(a.Span == b.Span);
        Assert.False(evt.GetFrame(EslEventFormat.Json).Span == a.Span);
    }

    [Fact]
    public async Task Frame_cache_is_consistent_under_concurrency()
    {
        for (var round = 0; round < 50; round++)
        {
            var evt = EslEvent.Create(null, ("Event-Name", "HEARTBEAT"), ("Round", round.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var frames = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => evt.GetFrame(EslEventFormat.Json))));
            Assert.All(frames, f => Assert.True(f.Span == frames[0].Span));
        }
    }

    [Fact]
    public void Header_list_is_not_copied()
    {
        var list = new List<KeyValuePair<string, string>> { new("Event-Name", "API") };
        var evt = new EslEvent(list);
        Assert.Same(list, evt.Headers);
    }

    [Fact]
    public void Malformed_event_bodies_are_rejected_without_throwing()
    {
        Assert.False(EslEventParser.TryParseJson("{\"a\":"u8, out _));
        Assert.False(EslEventParser.TryParseJson("[1,2]"u8, out _));
        Assert.False(EslEventParser.TryParseXml("<event><headers><a>"u8, out _));
        Assert.False(EslEventParser.TryParseXml("<!DOCTYPE x [<!ENTITY a 'b'>]><event/>"u8, out _));
        Assert.False(EslEventParser.TryParsePlain("Event-Name: X\nContent-Length: 10\n\nshort"u8, out _));
        Assert.False(EslEventParser.TryParsePlain("Event-Name: X\nContent-Length: -1\n\n"u8, out _));
    }
}
