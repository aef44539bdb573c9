using Switch.Examples.ClickToCall;

namespace Switch.Client.Tests.Examples;

public sealed class ClickToCallExitCodeTests
{
    [Theory]
    [InlineData(HangupCause.UserBusy, false, 10)]
    [InlineData(HangupCause.NoAnswer, false, 11)]
    [InlineData(HangupCause.NoUserResponse, false, 11)]
    [InlineData(HangupCause.UserNotRegistered, false, 12)]
    [InlineData(HangupCause.UserBusy, true, 20)]
    [InlineData(HangupCause.RecoveryOnTimerExpire, true, 21)]
    [InlineData(HangupCause.SubscriberAbsent, true, 22)]
    public void Failures_map_to_documented_exit_codes(HangupCause cause, bool customer, int expected) =>
        Assert.Equal(expected, ExitCodes.ForFailure(cause, customer));
}
