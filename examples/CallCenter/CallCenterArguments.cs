using System.Globalization;

namespace Switch.Examples.CallCenter;

/// <summary>Command line of the call center.</summary>
internal sealed record CallCenterArguments(string Host, int Port, string Password, string HttpPrefix, IReadOnlyList<string> Agents, QueueOptions Queue)
{
    public const string Usage =
        "usage: CallCenter [--queue 5000] [--agents 1008,1009] [--strategy longest-idle|round-robin|ring-all] [--ring-timeout 15] " +
        "[--wrap-up 10] [--no-answer-pause 30] [--hold-music tone_stream://...] [--http 127.0.0.1:8090] [--esl 127.0.0.1:8021] [--password ClueCon]";

    public static CallCenterArguments? Parse(string[] args, out string? error)
    {
        var host = "127.0.0.1";
        var port = 8021;
        var password = "ClueCon";
        var http = "127.0.0.1:8090";
        var agents = new List<string>();
        var queue = new QueueOptions();
        error = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                error = $"missing value after '{args[i]}'";
                return null;
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--queue": queue = queue with { Number = value }; break;
                case "--agents": agents.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                case "--strategy":
                    QueueStrategy? strategy = value switch
                    {
                        "longest-idle" => QueueStrategy.LongestIdle,
                        "round-robin" => QueueStrategy.RoundRobin,
                        "ring-all" => QueueStrategy.RingAll,
                        _ => null,
                    };
                    if (strategy is null)
                    {
                        error = $"unknown strategy '{value}'";
                        return null;
                    }

                    queue = queue with { Strategy = strategy.Value };
                    break;
                case "--ring-timeout" when Seconds(value) is { } s: queue = queue with { RingTimeout = s }; break;
                case "--wrap-up" when Seconds(value) is { } s: queue = queue with { WrapUp = s }; break;
                case "--no-answer-pause" when Seconds(value) is { } s: queue = queue with { NoAnswerPause = s }; break;
                case "--hold-music": queue = queue with { HoldMusic = value }; break;
                case "--http": http = value; break;
                case "--password": password = value; break;
                case "--esl":
                    var colon = value.LastIndexOf(':');
                    if (colon <= 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port))
                    {
                        error = $"--esl expects HOST:PORT, got '{value}'";
                        return null;
                    }

                    host = value[..colon];
                    break;
                default:
                    error = $"unknown or invalid argument '{args[i]} {value}'";
                    return null;
            }
        }

        return new CallCenterArguments(host, port, password, $"http://{http}/", agents, queue);
    }

    private static TimeSpan? Seconds(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? TimeSpan.FromSeconds(s) : null;
}
