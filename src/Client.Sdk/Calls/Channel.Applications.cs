using System.Globalization;

namespace Switch.Client;

public sealed partial class Channel
{
    /// <summary>Runs <paramref name="application"/> on this leg and completes on its CHANNEL_EXECUTE_COMPLETE.</summary>
    /// <exception cref="ChannelHangupException">The leg has ended (or ends before the application completes).</exception>
    public Task<ChannelExecuteComplete> ExecuteAsync(string application, string? argument = null, CancellationToken cancellationToken = default)
    {
        ThrowIfHungUp();
        return Connection.ExecuteAsync(UniqueId, application, argument, cancellationToken);
    }

    /// <summary>Answers the leg (<c>answer</c> application).</summary>
    public async Task AnswerAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteAsync("answer", null, cancellationToken).ConfigureAwait(false);
        MarkAnswered();
    }

    /// <summary>Sends early media / 183 (<c>pre_answer</c>).</summary>
    public Task PreAnswerAsync(CancellationToken cancellationToken = default) => ExecuteAsync("pre_answer", null, cancellationToken);

    /// <summary>Sends 180 ringing (<c>ring_ready</c>).</summary>
    public Task RingReadyAsync(CancellationToken cancellationToken = default) => ExecuteAsync("ring_ready", null, cancellationToken);

    /// <summary>Parks the leg (<c>park</c>): it waits, with no media, for the next command.</summary>
    public Task ParkAsync(CancellationToken cancellationToken = default) =>
        Connection.ApiOkAsync($"uuid_park {UniqueId}", cancellationToken);

    /// <summary>
    /// Connects this leg to <paramref name="dialString"/> (e.g. <c>user/1001</c>) with the <c>bridge</c> application:
    /// the switch rings the target, relays ringing, answers this leg when the target answers. Completes when the
    /// application does — when the bridged call ends, or at once when no leg answered; <see cref="BridgeResult.Cause"/>
    /// then says why (<c>USER_BUSY</c>, <c>NO_ANSWER</c>, <c>USER_NOT_REGISTERED</c>, …).
    /// </summary>
    public async Task<BridgeResult> BridgeAsync(string dialString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialString);
        var done = await ExecuteAsync("bridge", dialString, cancellationToken).ConfigureAwait(false);
        var disposition = done.GetVariable("originate_disposition");
        var dialStatus = done.GetVariable("DIALSTATUS");
        var bridged = string.Equals(disposition, "call accepted", StringComparison.OrdinalIgnoreCase)
            || string.Equals(dialStatus, "SUCCESS", StringComparison.OrdinalIgnoreCase)
            || OtherLegUniqueId is not null;
        if (bridged)
        {
            return new BridgeResult(true, Client.HangupCause.None, null, OtherLegUniqueId ?? done.GetVariable("bridge_to") ?? done.GetVariable("last_bridge_to"));
        }

        var causeName = done.GetVariable("originate_failed_cause") ?? disposition ?? done.GetVariable("last_bridge_hangup_cause") ?? DialStatusCause(dialStatus);
        return new BridgeResult(false, HangupCauses.Parse(causeName, Client.HangupCause.None), causeName, null);
    }

    /// <summary>Bridges this leg to another existing leg (<c>uuid_bridge</c>); completes when the switch has done it.</summary>
    public async Task<BridgeResult> BridgeAsync(Channel other, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(other);
        ThrowIfHungUp();
        var response = await Connection.ApiAsync($"uuid_bridge {UniqueId} {other.UniqueId}", cancellationToken).ConfigureAwait(false);
        if (!response.IsOk)
        {
            return new BridgeResult(false, Client.HangupCause.None, response.ErrorText, other.UniqueId);
        }

        return new BridgeResult(true, Client.HangupCause.None, null, other.UniqueId);
    }

    /// <summary>Hangs the leg up with <paramref name="cause"/>; a leg already gone is not an error.</summary>
    public async Task HangupAsync(HangupCause cause = Client.HangupCause.NormalClearing, CancellationToken cancellationToken = default)
    {
        if (IsHungUp)
        {
            return;
        }

        try
        {
            await Connection.HangupAsync(UniqueId, cause, cancellationToken).ConfigureAwait(false);
        }
        catch (EventSocketCommandException) when (IsHungUp)
        {
            // It ended on its own while we asked.
        }
    }

    /// <summary>Plays a file or <c>tone_stream://…</c> (<c>playback</c>); the result's <c>ApplicationResponse</c> is e.g. <c>FILE PLAYED</c>.</summary>
    public Task<ChannelExecuteComplete> PlaybackAsync(string file, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        return ExecuteAsync("playback", file, cancellationToken);
    }

    /// <summary>
    /// Plays a prompt and collects digits (<c>play_and_get_digits</c>). Returns the digits entered (empty when none
    /// were valid), read from the channel variable <see cref="ReadDigitsOptions.VariableName"/>.
    /// </summary>
    public async Task<string> ReadDigitsAsync(ReadDigitsOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ReadDigitsOptions();
        var c = CultureInfo.InvariantCulture;
        var argument = string.Join(' ', new[]
        {
            options.MinDigits.ToString(c),
            options.MaxDigits.ToString(c),
            options.Tries.ToString(c),
            ((long)options.Timeout.TotalMilliseconds).ToString(c),
            string.IsNullOrEmpty(options.Terminators) ? "none" : options.Terminators,
            options.Prompt,
            options.InvalidPrompt ?? "silence_stream://250",
            options.VariableName,
            options.Regex,
        });
        if (options.DigitTimeout is { } digitTimeout)
        {
            argument += " " + ((long)digitTimeout.TotalMilliseconds).ToString(c);
        }

        var done = await ExecuteAsync("play_and_get_digits", argument, cancellationToken).ConfigureAwait(false);
        var digits = done.GetVariable(options.VariableName) ?? await GetVariableAsync(options.VariableName, cancellationToken).ConfigureAwait(false);
        return digits ?? string.Empty;
    }

    /// <summary>Sets (or, with a null value, unsets) a channel variable (<c>uuid_setvar</c>).</summary>
    public Task SetVariableAsync(string name, string? value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Connection.ApiOkAsync(value is null ? $"uuid_setvar {UniqueId} {name}" : $"uuid_setvar {UniqueId} {name} {value}", cancellationToken);
    }

    /// <summary>Reads a channel variable (<c>uuid_getvar</c>); null when unset.</summary>
    public async Task<string?> GetVariableAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var response = await Connection.ApiAsync($"uuid_getvar {UniqueId} {name}", cancellationToken).ConfigureAwait(false);
        if (response.IsError)
        {
            throw new EventSocketCommandException($"uuid_getvar {UniqueId} {name}", response.Body.TrimEnd('\n'));
        }

        var value = response.Output;
        return value is "_undef_" or "" ? null : value;
    }

    private static string? DialStatusCause(string? dialStatus) => dialStatus switch
    {
        null => null,
        "BUSY" => Client.HangupCause.UserBusy.ToName(),
        "NOANSWER" => Client.HangupCause.NoAnswer.ToName(),
        "CANCEL" => Client.HangupCause.OriginatorCancel.ToName(),
        "INVALIDARGS" => Client.HangupCause.InvalidNumberFormat.ToName(),
        "DONTCALL" => Client.HangupCause.CallRejected.ToName(),
        _ => dialStatus,
    };
}
