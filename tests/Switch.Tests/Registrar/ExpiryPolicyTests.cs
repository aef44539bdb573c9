using Switch.Registrar;

namespace Switch.Tests.Registrar;

public sealed class ExpiryPolicyTests
{
    private readonly ExpiryPolicy _policy = new(new RegistrarOptions { MinExpires = 60, MaxExpires = 7200, DefaultExpires = 3600 });

    [Theory]
    [InlineData(null, "Grant", 3600)]
    [InlineData(0L, "Remove", 0)]
    [InlineData(-5L, "Remove", 0)]
    [InlineData(1L, "TooBrief", 60)]
    [InlineData(59L, "TooBrief", 60)]
    [InlineData(60L, "Grant", 60)]
    [InlineData(3600L, "Grant", 3600)]
    [InlineData(7201L, "Grant", 7200)]
    [InlineData(4294967295L, "Grant", 7200)]
    public void Decides_per_rfc3261_section_10_3(long? requested, string outcome, int seconds)
    {
        var decision = _policy.Decide(requested);

        Assert.Equal(Enum.Parse<ExpiryOutcome>(outcome), decision.Outcome);
        Assert.Equal(seconds, decision.Seconds);
    }

    [Fact]
    public void Options_validation_names_the_keys()
    {
        var errors = new RegistrarOptions { MinExpires = 100, MaxExpires = 50, Store = "mongo" }.Validate();

        Assert.Contains(errors, e => e.StartsWith("registrar:MaxExpires", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("registrar:DefaultExpires", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("registrar:Store", StringComparison.Ordinal));
        Assert.Empty(new RegistrarOptions().Validate());
    }
}
