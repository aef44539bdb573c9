using Switch.Calls;

namespace Switch.Tests.Calls;

public sealed class HangupCausesTests
{
    [Theory]
    [MemberData(nameof(HangupCauseTable.NamesAndNumbers), MemberType = typeof(HangupCauseTable))]
    public void Every_listed_cause_prints_its_name_and_parses_back_by_name_and_number(string name, int number)
    {
        var cause = (HangupCause)number;
        Assert.Equal(name, HangupCauses.ToName(cause));
        Assert.True(HangupCauses.TryParse(name, out var byName));
        Assert.Equal(cause, byName);
        Assert.True(HangupCauses.TryParse(name.ToLowerInvariant(), out var byLower));
        Assert.Equal(cause, byLower);
        Assert.True(HangupCauses.TryParse(number.ToString(System.Globalization.CultureInfo.InvariantCulture), out var byNumber));
        Assert.Equal(cause, byNumber);
    }

    [Fact]
    public void The_enum_lists_exactly_the_table()
    {
        var table = HangupCauseTable.NamesAndNumbers.Select(row => (int)row[1]).Order().ToArray();
        var listed = HangupCauses.All.Select(c => (int)c).Order().ToArray();
        Assert.Equal(table, listed);
    }

    [Theory]
    [InlineData(null, "NORMAL_CLEARING")]
    [InlineData("", "NORMAL_CLEARING")]
    [InlineData("   ", "NORMAL_CLEARING")]
    [InlineData("NO_SUCH_CAUSE", "NORMAL_CLEARING")]
    [InlineData("999", "NORMAL_CLEARING")]
    [InlineData("0", "NORMAL_CLEARING")]
    [InlineData("NONE", "NORMAL_CLEARING")]
    [InlineData("-17", "NORMAL_CLEARING")]
    [InlineData("17x", "NORMAL_CLEARING")]
    [InlineData("user_busy", "USER_BUSY")]
    [InlineData(" USER_BUSY ", "USER_BUSY")]
    [InlineData("17", "USER_BUSY")]
    [InlineData("806", "USER_NOT_REGISTERED")]
    [InlineData("Originator_Cancel", "ORIGINATOR_CANCEL")]
    public void Parse_falls_back_to_normal_clearing(string? text, string expected)
    {
        Assert.Equal(expected, HangupCauses.ToName(HangupCauses.Parse(text)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(24)]
    [InlineData(128)]
    [InlineData(600)]
    [InlineData(9999)]
    public void Unlisted_numbers_print_as_unknown(int number)
    {
        Assert.Equal("UNKNOWN", HangupCauses.ToName((HangupCause)number));
        Assert.False(HangupCauses.IsListed((HangupCause)number));
    }

    [Theory]
    [InlineData(16, 16)]
    [InlineData(17, 17)]
    [InlineData(127, 127)]
    [InlineData(0, 0)]
    [InlineData(142, 16)]
    [InlineData(487, 16)]
    [InlineData(806, 16)]
    [InlineData(703, 16)]
    public void Q850_value_is_the_cause_up_to_127_else_16(int number, int expected)
    {
        Assert.Equal(expected, HangupCauses.ToQ850((HangupCause)number));
    }
}
