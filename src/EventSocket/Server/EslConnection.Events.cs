using System.Globalization;

namespace Switch.EventSocket;

internal sealed partial class EslConnection
{
    /// <summary>Tokens after the first space at or after <paramref name="from"/> (FS: <c>strchr(cmd + 5, ' ')</c>), split on single spaces.</summary>
    private static string[] Tokens(string line, int from)
    {
        if (line.Length <= from)
        {
            return [];
        }

        var space = line.IndexOf(' ', from);
        return space < 0 ? [] : line[(space + 1)..].Split(' ');
    }

    private static EslEventFormat? ParseFormat(string word) => word.ToLowerInvariant() switch
    {
        "plain" => EslEventFormat.Plain,
        "json" => EslEventFormat.Json,
        "xml" => EslEventFormat.Xml,
        _ => null,
    };

    private string Event(string line)
    {
        var tokens = Tokens(line, 5);
        var current = _subscription;
        IEnumerable<string> names = tokens;
        if (tokens.Length > 0 && ParseFormat(tokens[0]) is { } format)
        {
            current = current.WithFormat(format);
            names = tokens.Skip(1);
        }

        var next = current.WithEvents(names, out var keyCount);
        if (keyCount == 0)
        {
            SetSubscription(current);
            return "-ERR no keywords supplied";
        }

        SetSubscription(next);
        return "+OK event listener enabled " + EslCommandWriter.FormatWord(next.Format);
    }

    private string NixEvent(string line)
    {
        var next = _subscription.WithoutEvents(Tokens(line, 5), out var keyCount);
        if (keyCount == 0)
        {
            return "-ERR no keywords supplied";
        }

        SetSubscription(next);
        return "+OK events nixed";
    }

    private string NoEvents()
    {
        // Discard whatever is queued, as FS flushes the listener's queue.
        _epoch++;
        if (!_subscription.Listening)
        {
            return "-ERR not listening for events";
        }

        SetSubscription(_subscription.WithNoEvents());
        return "+OK no longer listening for events";
    }

    private string Filter(string rest)
    {
        rest = rest.TrimStart(' ');
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        var header = space < 0 ? rest : rest[..space];
        var value = space < 0 ? null : rest[(space + 1)..];
        var filters = _subscription.Filters;
        if (header.Equals("delete", StringComparison.OrdinalIgnoreCase) && value is not null)
        {
            space = value.IndexOf(' ', StringComparison.Ordinal);
            header = space < 0 ? value : value[..space];
            value = space < 0 ? null : value[(space + 1)..];
            var kept = header.Equals("all", StringComparison.OrdinalIgnoreCase)
                ? []
                : Array.FindAll(filters, f => !(f.Header.Equals(header, StringComparison.OrdinalIgnoreCase) && (value is null || f.Value == value)));
            SetSubscription(_subscription.WithFilters(kept));
            return $"+OK filter deleted. [{header}][{value}]";
        }

        if (value is null)
        {
            return "-ERR invalid syntax";
        }

        if (header.Equals("add", StringComparison.OrdinalIgnoreCase))
        {
            space = value.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                return "-ERR invalid syntax";
            }

            header = value[..space];
            value = value[(space + 1)..];
        }

        if (EslEventFilter.Create(header, value) is not { } filter)
        {
            return "-ERR invalid regex";
        }

        SetSubscription(_subscription.WithFilters([.. filters, filter]));
        return $"+OK filter added. [{header}]=[{value}]";
    }

    private static bool IsResume(string line, out string argument)
    {
        var tokens = Tokens(line, 5);
        if (tokens.Length >= 1 && tokens[0].Equals("resume", StringComparison.OrdinalIgnoreCase))
        {
            argument = tokens.Length >= 2 ? tokens[1] : string.Empty;
            return true;
        }

        argument = string.Empty;
        return false;
    }

    /// <summary>
    /// <c>event resume &lt;sequence&gt;</c> (beyond FS): replies <c>+OK resumed &lt;n&gt; events, &lt;m&gt; missing</c>, then
    /// replays, in publish order, the journal events after the one with that <c>Event-Sequence</c> that match the
    /// current subscription, then continues live with neither gaps nor duplicates. Events still queued from
    /// before are discarded (they are part of the replay). <c>m</c> counts events no longer in the journal.
    /// </summary>
    private async ValueTask ResumeAsync(string argument)
    {
        if (!long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            await ReplyAsync("-ERR invalid sequence").ConfigureAwait(false);
            return;
        }

        if (_ctx.Options.JournalCapacity == 0)
        {
            await ReplyAsync("-ERR resume not available").ConfigureAwait(false);
            return;
        }

        await _replyCredits.WaitAsync(_closing.Token).ConfigureAwait(false);
        _ctx.Hub.Resume(sequence, (events, missing) =>
        {
            var subscription = _subscription;
            var replay = events.FindAll(subscription.Wants);
            _epoch++;
            EnqueueReplyItem(Render(w => EslFrameWriter.WriteCommandReply(
                w,
                $"+OK resumed {replay.Count.ToString(CultureInfo.InvariantCulture)} events, {missing.ToString(CultureInfo.InvariantCulture)} missing")));
            foreach (var evt in replay)
            {
                EnqueueBounded(new EslOutItem(EslOutKind.Event, evt, _epoch));
            }
        });
    }
}
