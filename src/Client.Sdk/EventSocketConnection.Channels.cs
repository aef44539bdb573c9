using System.Globalization;
using System.Text;

namespace Switch.Client;

public abstract partial class EventSocketConnection
{
    private static readonly string[] OriginateEvents = [.. EventNames.ChannelLifecycle, EventNames.BackgroundJob];

    /// <summary>
    /// The <see cref="Channel"/> object for <paramref name="uniqueId"/> (one per live channel; created on first use).
    /// It follows the channel's events from now on, so subscribe to <see cref="EventNames.ChannelLifecycle"/>.
    /// </summary>
    public Channel GetChannel(string uniqueId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uniqueId);
        return _channels.GetOrAdd(uniqueId, static (id, connection) => new Channel(connection, id), this);
    }

    /// <summary>The <see cref="Channel"/> an event is about, with its state (answered, hung up, …) taken from the event.</summary>
    public Channel GetChannel(ChannelEvent channelEvent)
    {
        ArgumentNullException.ThrowIfNull(channelEvent);
        var id = channelEvent.UniqueId ?? throw new ArgumentException("The event has no Unique-ID.", nameof(channelEvent));
        var channel = GetChannel(id);
        channel.Seed(channelEvent);
        return channel;
    }

    /// <summary>
    /// Starts a call: <c>bgapi originate {origination_uuid=…}&lt;dialString&gt; &amp;park()</c> (or the application in
    /// <paramref name="options"/>). Returns the new leg's <see cref="Channel"/> as soon as the switch accepted the job;
    /// then await <see cref="Channel.WaitForAnswerAsync"/>, which throws <see cref="ChannelHangupException"/> with the
    /// cause (<c>USER_BUSY</c>, <c>NO_ANSWER</c>, <c>USER_NOT_REGISTERED</c>, …) when the leg fails.
    /// </summary>
    /// <param name="dialString">An endpoint such as <c>user/1000</c>, optionally with a leading <c>{var=value}</c> block.</param>
    /// <param name="options">Caller id, timeout, variables, the application to run on answer.</param>
    /// <param name="cancellationToken">Cancels waiting for the switch to accept the job.</param>
    public async Task<Channel> OriginateAsync(string dialString, OriginateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialString);
        options ??= new OriginateOptions();
        var uuid = options.UniqueId ?? Guid.NewGuid().ToString();
        await EnsureSubscribedAsync(OriginateEvents, cancellationToken).ConfigureAwait(false);
        var channel = GetChannel(uuid);
        var command = BuildOriginate(dialString, uuid, options);
        var (_, completion) = await StartBackgroundJobAsync(command, cancellationToken).ConfigureAwait(false);
        channel.TrackOriginate(completion);
        return channel;
    }

    /// <summary><c>originate {origination_uuid=…,…}&lt;dial&gt; &amp;app(arg)</c>.</summary>
    internal static string BuildOriginate(string dialString, string uuid, OriginateOptions options)
    {
        var variables = new List<KeyValuePair<string, string>> { new("origination_uuid", uuid) };
        if (options.CallerIdNumber is { } number)
        {
            variables.Add(new("origination_caller_id_number", number));
        }

        if (options.CallerIdName is { } name)
        {
            variables.Add(new("origination_caller_id_name", name));
        }

        if (options.Timeout is { } timeout)
        {
            variables.Add(new("originate_timeout", ((int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var pair in options.Variables)
        {
            variables.Add(pair);
        }

        var block = new StringBuilder("{");
        for (var i = 0; i < variables.Count; i++)
        {
            if (i > 0)
            {
                block.Append(',');
            }

            block.Append(variables[i].Key).Append('=').Append(QuoteValue(variables[i].Value));
        }

        var dial = dialString.Trim();
        if (dial.StartsWith('{'))
        {
            block.Append(',').Append(dial.AsSpan(1));
        }
        else
        {
            block.Append('}').Append(dial);
        }

        block.Append(" &").Append(options.Application).Append('(').Append(options.ApplicationArgument).Append(')');
        return "originate " + block;
    }

    private static string QuoteValue(string value) =>
        value.AsSpan().IndexOfAny(" ,{}'") >= 0 ? "'" + value.Replace("'", string.Empty, StringComparison.Ordinal) + "'" : value;
}
