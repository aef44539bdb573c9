using Switch.Calls.Sip;

namespace Switch.Tests.Calls.Sip;

public sealed class SharedValuesTests
{
    [Fact]
    public void Equal_values_come_back_as_one_string()
    {
        var shared = new SharedValues();
        var first = shared.Share(new string("192.0.2.10".AsSpan()));
        var second = shared.Share(new string("192.0.2.10".AsSpan()));
        Assert.Same(first, second);
        Assert.Null(shared.Share(null));
    }

    [Fact]
    public void Text_in_a_buffer_comes_back_as_the_kept_string()
    {
        var shared = new SharedValues();
        var kept = shared.Share(new string("1000@192.0.2.10".AsSpan()));
        Span<char> buffer = stackalloc char[32];
        "1000@192.0.2.10".AsSpan().CopyTo(buffer);
        Assert.Same(kept, shared.Share(buffer[..15]));
        var fresh = shared.Share("1000@192.0.2.1".AsSpan());
        Assert.Equal("1000@192.0.2.1", fresh);
        Assert.Same(fresh, shared.Share(new string("1000@192.0.2.1".AsSpan())));
        Assert.Same(string.Empty, shared.Share(ReadOnlySpan<char>.Empty));
        var tooLong = new string('x', SharedValues.MaxLength + 1);
        Assert.Equal(tooLong, shared.Share(tooLong.AsSpan()));
        Assert.Equal(2, shared.Count);
    }

    [Fact]
    public void It_keeps_a_bounded_number_of_short_values()
    {
        var shared = new SharedValues();
        for (var i = 0; i < SharedValues.Capacity + 100; i++)
        {
            shared.Share("ua-" + i);
        }
        Assert.Equal(SharedValues.Capacity, shared.Count);
        var late = "ua-late";
        Assert.Same(late, shared.Share(late));
        Assert.NotSame(shared.Share(new string('x', SharedValues.MaxLength + 1)), shared.Share(new string('x', SharedValues.MaxLength + 1)));
        Assert.Equal(SharedValues.Capacity, shared.Count);
    }
}
