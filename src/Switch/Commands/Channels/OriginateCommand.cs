using System.Globalization;
using Microsoft.Extensions.Logging;
using Switch.Calls;

namespace Switch.Commands.Channels;

/// <summary>
/// originate &lt;dial string&gt; &lt;exten&gt;|&amp;&lt;app&gt;(&lt;args&gt;) [&lt;dialplan&gt;] [&lt;context&gt;] [&lt;cid_name&gt;] [&lt;cid_num&gt;] [&lt;timeout_sec&gt;]:
/// blocks until the new leg answers (<c>+OK &lt;uuid&gt;</c>) or fails (<c>-ERR &lt;CAUSE&gt;</c>). The word
/// <c>undef</c> skips a position. A bare second word that is a live uuid bridges the new leg to it; any
/// other bare word parks the leg with that destination (this switch has no dialplan).
/// </summary>
internal sealed class OriginateCommand(CallEngine engine, ILogger<OriginateCommand> logger) : IApiCommand
{
    public string Name => "originate";
    public string Syntax => "<call url> <exten>|&<application_name>(<app_args>) [<dialplan>] [<context>] [<cid_name>] [<cid_num>] [<timeout_sec>]";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args);
        if (words.Count < 2 || words.Count > 7)
        {
            return ApiCommandRegistry.Usage(this);
        }
        if (!DialStringParser.TryParse(words[0], out var dial, out var error))
        {
            OriginateLog.BadDialString(logger, words[0], error);
            var cause = error.Contains("not supported", StringComparison.Ordinal) ? HangupCause.ChanNotImplemented : HangupCause.InvalidUrl;
            return $"-ERR {HangupCauses.ToName(cause)}\n";
        }
        if (!TryParseTarget(words[1], out var application, out var argument, out var extension))
        {
            return ApiCommandRegistry.Usage(this);
        }
        TimeSpan? timeout = null;
        var timeoutWord = Word(words, 6);
        if (timeoutWord is not null)
        {
            if (!int.TryParse(timeoutWord, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            {
                return ApiCommandRegistry.Usage(this);
            }
            timeout = TimeSpan.FromSeconds(seconds);
        }
        var request = new OriginateRequest(dial, application, argument, extension, Word(words, 4), Word(words, 5), timeout);
        var result = await engine.OriginateAsync(request, cancellationToken).ConfigureAwait(false);
        return result.Uuid is { } uuid ? $"+OK {uuid}\n" : $"-ERR {HangupCauses.ToName(result.Cause)}\n";
    }

    private static string? Word(List<string> words, int index) =>
        index < words.Count && !words[index].Equals("undef", StringComparison.OrdinalIgnoreCase) ? words[index] : null;

    /// <summary><c>&amp;app(args)</c>, <c>&amp;app</c>, or a bare extension / uuid.</summary>
    internal static bool TryParseTarget(string word, out string? application, out string? argument, out string? extension)
    {
        application = null;
        argument = null;
        extension = null;
        if (!word.StartsWith('&'))
        {
            extension = word;
            return true;
        }
        var body = word[1..];
        var open = body.IndexOf('(');
        if (open < 0)
        {
            application = body;
        }
        else
        {
            var close = body.LastIndexOf(')');
            if (close < open)
            {
                return false;
            }
            application = body[..open];
            var inner = body[(open + 1)..close];
            argument = inner.Length == 0 ? null : inner;
        }
        return application.Length > 0 && application.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
    }
}

internal static partial class OriginateLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "originate: bad dial string '{DialString}': {Reason}")]
    public static partial void BadDialString(ILogger logger, string dialString, string reason);
}
