using Switch.Media;

namespace Switch.Tests.Media;

public sealed class DigitCollectorTests
{
    private readonly ManualTimeProvider _time = new();

    private DigitCollector Create(DigitCollectorOptions options) => new(options, _time);

    [Fact]
    public async Task Completes_at_max_digits()
    {
        using var collector = Create(new DigitCollectorOptions(1, 4));

        foreach (var digit in "12345")
        {
            collector.Add(digit);
        }

        var result = await collector.Completion.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(new DigitCollectionResult("1234", DigitCollectionStatus.MaxDigits, null, true), result);
        Assert.False(collector.Add('6'));
    }

    [Fact]
    public async Task A_terminator_ends_input_and_is_not_part_of_it()
    {
        using var collector = Create(new DigitCollectorOptions(2, 10) { Terminators = "#*" });

        collector.Add('4');
        collector.Add('2');
        collector.Add('*');

        Assert.Equal(new DigitCollectionResult("42", DigitCollectionStatus.Terminated, '*', true), await collector.Completion.WaitAsync(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Too_few_digits_before_the_terminator_are_invalid()
    {
        using var collector = Create(new DigitCollectorOptions(3, 5));

        collector.Add('7');
        collector.Add('#');

        var result = await collector.Completion.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(("7", false), (result.Digits, result.IsValid));
    }

    [Fact]
    public async Task First_digit_timeout_runs_only_once_started()
    {
        using var collector = Create(new DigitCollectorOptions(1, 3) { Timeout = TimeSpan.FromSeconds(5) });

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(collector.Completion.IsCompleted);

        collector.StartTimer();
        _time.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.False(collector.Completion.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new DigitCollectionResult("", DigitCollectionStatus.Timeout, null, false), await collector.Completion.WaitAsync(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Inter_digit_timeout_restarts_on_every_digit_and_keeps_what_was_typed()
    {
        using var collector = Create(new DigitCollectorOptions(2, 6) { Timeout = TimeSpan.FromSeconds(10), DigitTimeout = TimeSpan.FromSeconds(3) });
        collector.StartTimer();

        _time.Advance(TimeSpan.FromSeconds(8));
        collector.Add('1');
        _time.Advance(TimeSpan.FromSeconds(2.5));
        collector.Add('2');
        _time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.False(collector.Completion.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.5));

        Assert.Equal(new DigitCollectionResult("12", DigitCollectionStatus.Timeout, null, true), await collector.Completion.WaitAsync(TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData("^\\d{4}$", "1234", true)]
    [InlineData("^\\d{4}$", "12*4", false)]
    [InlineData("^(1|2)", "3000", false)]
    [InlineData("([", "1234", false)]
    public async Task Validates_against_the_pattern(string pattern, string digits, bool valid)
    {
        using var collector = Create(new DigitCollectorOptions(4, 4) { ValidationPattern = pattern });

        foreach (var digit in digits)
        {
            collector.Add(digit);
        }

        Assert.Equal(valid, (await collector.Completion.WaitAsync(TimeSpan.FromSeconds(2))).IsValid);
    }

    [Fact]
    public async Task Cancel_ends_collection_as_invalid()
    {
        var collector = Create(new DigitCollectorOptions(1, 4));
        collector.Add('9');

        collector.Dispose();

        Assert.Equal(new DigitCollectionResult("9", DigitCollectionStatus.Cancelled, null, false), await collector.Completion.WaitAsync(TimeSpan.FromSeconds(2)));
        Assert.Equal(0, _time.ActiveTimers);
    }
}
