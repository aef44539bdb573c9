using System.Globalization;

namespace Switch.Examples.Router;

/// <summary><c>[--esl HOST:PORT] [--password PW] [--echo-extension N]</c>.</summary>
internal sealed record RouterArguments(string Host, int Port, string Password, string EchoExtension)
{
    public static RouterArguments? Parse(string[] args, out string? error)
    {
        var host = "127.0.0.1";
        var port = 8021;
        var password = "ClueCon";
        var echo = "9196";
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--esl" when value is not null:
                    var colon = value.LastIndexOf(':');
                    if (colon <= 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port))
                    {
                        error = $"--esl expects HOST:PORT, got '{value}'";
                        return null;
                    }

                    host = value[..colon];
                    i++;
                    break;
                case "--password" when value is not null:
                    password = value;
                    i++;
                    break;
                case "--echo-extension" when value is not null:
                    echo = value;
                    i++;
                    break;
                default:
                    error = $"unknown or incomplete argument '{args[i]}'";
                    return null;
            }
        }

        return new RouterArguments(host, port, password, echo);
    }
}
