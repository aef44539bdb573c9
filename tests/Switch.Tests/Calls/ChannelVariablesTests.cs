using FsCheck;
using FsCheck.Fluent;
using Switch.Calls;

namespace Switch.Tests.Calls;

/// <summary>The channel's variable store: insertion order, case-insensitive names, empty values unset, exports.</summary>
public sealed class ChannelVariablesTests
{
    [Fact]
    public void Updating_keeps_the_position_and_the_first_spelling_of_the_name()
    {
        var v = new ChannelVariables();
        v.Set("a", "1");
        v.Set("Bridge_To", "x");
        v.Set("c", "3");
        v.Set("bridge_to", "y");

        Assert.Equal([("a", "1"), ("Bridge_To", "y"), ("c", "3")], Pairs(v));
        Assert.Equal("y", v["BRIDGE_TO"]);
    }

    [Fact]
    public void An_empty_value_removes_and_the_rest_keep_their_order()
    {
        var v = new ChannelVariables(2);
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            v.Set(name, name.ToUpperInvariant());
        }
        v.Set("b", "");
        v["d"] = null;

        Assert.Equal([("a", "A"), ("c", "C")], Pairs(v));
        Assert.False(v.Contains("b"));
        Assert.Null(v["d"]);
        v.Set("b", "again");
        Assert.Equal([("a", "A"), ("c", "C"), ("b", "again")], Pairs(v));
    }

    [Fact]
    public void Exported_variables_take_the_current_value_in_export_order()
    {
        var v = new ChannelVariables();
        v.Export("x", "1");
        v.Export("y", "2", local: false);
        v.Set("x", "changed");

        Assert.Equal([new("x", "changed"), new KeyValuePair<string, string>("y", "2")], v.Exported());
        Assert.False(v.Contains("y"));
    }

    [Fact]
    public void It_behaves_as_an_ordered_case_insensitive_dictionary() =>
        Prop.ForAll(Gen.ListOf(Gen.Zip(Gen.Elements("a", "A", "b", "B", "call_uuid", "CALL_UUID", "x"), Gen.Elements("", "1", "2", "three")))
            .ToArbitrary(), operations =>
        {
            var v = new ChannelVariables(1);
            var model = new OrderedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in operations)
            {
                v.Set(name, value);
                if (value.Length == 0)
                {
                    model.Remove(name);
                }
                else if (model.ContainsKey(name))
                {
                    model[name] = value;
                }
                else
                {
                    model.Add(name, value);
                }
            }
            return Pairs(v).SequenceEqual(model.Select(kv => (kv.Key, kv.Value))) && v.Count == model.Count;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Channels_that_set_the_same_names_share_them_and_keep_one_reference_per_variable()
    {
        string[] names = [.. Enumerable.Range(0, 40).Select(i => "layout_test_" + i)];
        var root = VariableLayout.NewRoot();
        var first = new ChannelVariables(names.Length, root);
        foreach (var name in names)
        {
            first.Set(name, "x");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var second = new ChannelVariables(names.Length, root);
        foreach (var name in names)
        {
            second.Set(name, "y");
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The store and one array of 40 values (about 400 bytes); names of its own would be 320 bytes more.
        Assert.InRange(allocated, 1, 560);
        Assert.Equal(names.Select(n => (n, "y")), Pairs(second));
        Assert.Equal("x", first["LAYOUT_TEST_39"]);
    }

    [Fact]
    public void A_removal_keeps_the_names_left_in_order_and_leaves_the_others_as_they_were()
    {
        var root = VariableLayout.NewRoot();
        var a = new ChannelVariables(4, root);
        var b = new ChannelVariables(4, root);
        foreach (var v in new[] { a, b })
        {
            v.Set("shared_1", "1");
            v.Set("shared_2", "2");
            v.Set("shared_3", "3");
        }
        a.Set("shared_2", null);
        a.Set("own_4", "4");
        b.Set("shared_4", "4");

        Assert.Equal([("shared_1", "1"), ("shared_3", "3"), ("own_4", "4")], Pairs(a));
        Assert.Equal([("shared_1", "1"), ("shared_2", "2"), ("shared_3", "3"), ("shared_4", "4")], Pairs(b));
    }

    [Fact]
    public void A_removal_moves_the_channel_to_the_shared_layout_of_the_names_left_without_allocating()
    {
        string[] names = [.. Enumerable.Range(0, 40).Select(i => "removal_test_" + i)];
        var root = VariableLayout.NewRoot();
        var first = new ChannelVariables(names.Length, root);
        var second = new ChannelVariables(names.Length, root);
        foreach (var name in names)
        {
            first.Set(name, "1");
            second.Set(name, "2");
        }
        first.Set("removal_test_10", null);
        first.Set("removal_test_39", null);

        var before = GC.GetAllocatedBytesForCurrentThread();
        second.Set("removal_test_10", null);
        second.Set("REMOVAL_TEST_39", "");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Names of its own would be an array of 40 references (344 bytes).
        Assert.Equal(0, allocated);
        string[] left = [.. names.Where(n => n is not "removal_test_10" and not "removal_test_39")];
        Assert.Equal(left.Select(n => (n, "2")), Pairs(second));
        Assert.Equal(left.Select(n => (n, "1")), Pairs(first));
        second.Set("removal_test_10", "again");
        Assert.Equal([.. left.Select(n => (n, "2")), ("removal_test_10", "again")], Pairs(second));
    }

    [Fact]
    public void Past_the_layout_bounds_a_channel_still_keeps_every_variable_in_order()
    {
        var v = new ChannelVariables(1);
        var names = Enumerable.Range(0, VariableLayout.MaxNames + 20).Select(i => "bounded_" + i).ToArray();
        foreach (var name in names)
        {
            v.Set(name, name);
        }
        Assert.Equal(names.Select(n => (n, n)), Pairs(v));
        Assert.Equal("bounded_100", v["BOUNDED_100"]);
    }

    [Fact]
    public void A_compact_value_reads_as_its_text_and_repeated_reads_share_one_string()
    {
        var v = new ChannelVariables();
        var made = 0;
        var text = new CountingText("v=0\r\ns=-\r\n", () => made++);
        v.Set("before", "1");
        v.SetText("switch_r_sdp", text);
        v.Set("after", "2");

        Assert.Equal([("before", "1"), ("switch_r_sdp", "v=0\r\ns=-\r\n"), ("after", "2")], Pairs(v));
        Assert.Equal(v["switch_r_sdp"], v["SWITCH_R_SDP"]);
        Assert.True(v.TryGet("switch_r_sdp", out var again) && again == v["switch_r_sdp"]);
        // Five reads, one string made (a slot of the shared table of recent texts could be taken meanwhile by
        // another test's text: a second one at most, in practice).
        Assert.InRange(made, 1, 2);
        v.Set("switch_r_sdp", "plain");
        Assert.Equal("plain", v["switch_r_sdp"]);
    }

    private sealed class CountingText(string text, Action onMade) : VariableText
    {
        protected override string Materialize()
        {
            onMade();
            return new string(text);
        }
    }

    private static List<(string, string)> Pairs(ChannelVariables v)
    {
        var list = new List<(string, string)>();
        foreach (var (name, value) in v)
        {
            list.Add((name, value));
        }
        return list;
    }
}
