using Switch.EndToEnd.Support;

namespace Switch.EndToEnd.Examples;

/// <summary>Watches the switch's channels (<c>show channels</c> over a raw event socket) until a condition holds.</summary>
internal static class SwitchChannels
{
    /// <summary>Polls every 100 ms until a channel line matches <paramref name="match"/>; returns that line.</summary>
    public static async Task<string> WaitForAsync(SwitchProcess sw, Func<string, bool> match, string description, TimeSpan timeout)
    {
        await using var esl = await EslRaw.ConnectAsync(sw.EslPort);
        await esl.ReadAsync();
        await esl.SendAsync("auth " + SwitchProcess.Password);
        await esl.ReadAsync();
        using var cts = new CancellationTokenSource(timeout);
        var last = string.Empty;
        while (!cts.IsCancellationRequested)
        {
            last = await esl.ApiAsync("show channels");
            foreach (var line in last.Split('\n'))
            {
                if (match(line))
                {
                    return line;
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
        throw new TimeoutException($"no channel {description} within {timeout}; show channels:\n{last}");
    }
}
