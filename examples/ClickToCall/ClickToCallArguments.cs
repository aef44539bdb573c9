using System.Globalization;

namespace Switch.Examples.ClickToCall;

/// <summary><c>--agent N --customer N [--caller-id N] [--esl HOST:PORT] [--password PW] [--timeout S] [--agent-timeout S]</c>.</summary>
internal sealed record ClickToCallArguments(string Agent, string Customer, string? CallerId, string Host, int Port, string Password, int TimeoutSeconds,
    int AgentTimeoutSeconds)
{
    public static ClickToCallArguments? Parse(string[] args, out string? error)
    {
        string? agent = null, customer = null, callerId = null;
        var host = "127.0.0.1";
        var port = 8021;
        var password = "ClueCon";
        var timeout = 30;
        var agentTimeout = 0; // 0: as --timeout
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
            {
                error = $"missing value after '{args[i]}'";
                return null;
            }

            switch (args[i])
            {
                case "--agent": agent = value; break;
                case "--customer": customer = value; break;
                case "--caller-id": callerId = value; break;
                case "--password": password = value; break;
                case "--timeout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timeout) && timeout > 0: break;
                case "--agent-timeout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out agentTimeout) && agentTimeout > 0: break;
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
                    error = $"unknown argument '{args[i]}'";
                    return null;
            }

            i++;
        }

        if (string.IsNullOrWhiteSpace(agent) || string.IsNullOrWhiteSpace(customer))
        {
            error = "--agent and --customer are required";
            return null;
        }

        if (!IsDialable(agent) || !IsDialable(customer) || (callerId is not null && !IsDialable(callerId)))
        {
            error = "--agent, --customer and --caller-id take digits (or simple user names) only";
            return null;
        }

        return new ClickToCallArguments(agent, customer, callerId, host, port, password, timeout, agentTimeout > 0 ? agentTimeout : timeout);
    }

    private static bool IsDialable(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '_' or '-');
}
