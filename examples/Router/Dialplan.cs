using System.Text.RegularExpressions;
using Switch.Client;

namespace Switch.Examples.Router;

/// <summary>
/// The dialplan, as a program. Every parked inbound call comes here once:
///   9196          → answer, echo the caller's audio back (or a tone if the switch has no echo app)
///   a user number → ring user/&lt;number&gt; without answering first; when that fails, hang up with the cause
///   anything else → hang up with UNALLOCATED_NUMBER
/// </summary>
internal sealed partial class Dialplan(string echoExtension, Action<string> print)
{
    private const string HoldTone = "tone_stream://%(1000,500,440)";

    public async Task RouteAsync(Channel call, string destination, CancellationToken cancellationToken)
    {
        try
        {
            if (destination == echoExtension)
            {
                await EchoTestAsync(call, cancellationToken);
            }
            else if (UserNumber().IsMatch(destination))
            {
                await CallUserAsync(call, destination, cancellationToken);
            }
            else
            {
                print($"hangup {call.UniqueId} UNALLOCATED_NUMBER");
                await call.HangupAsync(HangupCause.UnallocatedNumber, cancellationToken);
            }
        }
        catch (ChannelHangupException e)
        {
            print($"caller-hangup {call.UniqueId} {e.CauseName}");
        }
        catch (EventSocketException e) when (call.IsHungUp)
        {
            print($"caller-hangup {call.UniqueId} {call.HangupCauseName} ({e.Message})");
        }
    }

    private async Task CallUserAsync(Channel call, string user, CancellationToken cancellationToken)
    {
        print($"bridge {call.UniqueId} user/{user}");
        var result = await call.BridgeAsync($"user/{user}", cancellationToken);
        if (result.Bridged)
        {
            // The bridge application returns when the bridged call is over; make sure the caller's leg is gone too.
            print($"bridged {call.UniqueId} {result.OtherUniqueId}");
            await call.HangupAsync(HangupCause.NormalClearing, cancellationToken);
            print($"ended {call.UniqueId} {call.HangupCauseName ?? HangupCause.NormalClearing.ToName()}");
            return;
        }

        var failure = result.Cause == HangupCause.None ? HangupCause.NormalTemporaryFailure : result.Cause;
        print($"bridge-failed {call.UniqueId} {result.CauseName ?? failure.ToName()}");
        await call.HangupAsync(failure, cancellationToken);
        print($"hangup {call.UniqueId} {failure.ToName()}");
    }

    private async Task EchoTestAsync(Channel call, CancellationToken cancellationToken)
    {
        await call.AnswerAsync(cancellationToken);
        print($"answer {call.UniqueId}");
        print($"echo {call.UniqueId}");
        var echo = await call.ExecuteAsync("echo", null, cancellationToken);
        if (echo.IsError)
        {
            print($"echo-unavailable {call.UniqueId} playing {HoldTone}");
            while (!call.IsHungUp)
            {
                var played = await call.PlaybackAsync(HoldTone, cancellationToken);
                if (played.IsError)
                {
                    print($"playback-failed {call.UniqueId} {played.ApplicationResponse}");
                    await call.HangupAsync(HangupCause.NormalClearing, cancellationToken);
                    break;
                }
            }
        }

        var cause = await call.WaitForHangupAsync(cancellationToken);
        print($"ended {call.UniqueId} {cause.ToName()}");
    }

    [GeneratedRegex("^[0-9]{2,15}$")]
    private static partial Regex UserNumber();
}
