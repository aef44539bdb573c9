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
