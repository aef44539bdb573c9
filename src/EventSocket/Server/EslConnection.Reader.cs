using System.Buffers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Switch.EventSocket;

internal sealed partial class EslConnection
{
    /// <summary>Reads and runs commands one at a time until exit, close, a framing error or cancellation.</summary>
    private async Task ReaderLoopAsync()
    {
        try
        {
            var running = true;
            while (running)
            {
                var result = await _input.ReadAsync(_closing.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (true)
                {
                    var status = EslCommandReader.TryRead(buffer, _ctx.Limits, out var command, out var consumed);
                    buffer = buffer.Slice(consumed);
                    if (status == EslReadStatus.Incomplete)
                    {
                        break;
                    }

                    if (status != EslReadStatus.Complete)
                    {
                        EslServerLog.FramingError(_ctx.Logger, Id, status);
                        EnqueueClose(Render(w => WriteNotice(w, EslConstants.DisconnectNoticeBody)));
                        running = false;
                        break;
                    }

                    _ctx.Metrics.Commands.Add(1);
                    if (!await HandleCommandAsync(command!).ConfigureAwait(false))
                    {
                        running = false;
                        break;
                    }
                }

                _input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Closed by the peer, the writer, the server or a timeout.
        }
        finally
        {
            _closed = true;
            _queue.Writer.TryComplete();
            TryCancelAfter(_writeAbort, DrainTimeout);
        }
    }

    /// <summary>Runs one command with FS's dispatch order and prefix matching; false when the connection is to close.</summary>
    private async ValueTask<bool> HandleCommandAsync(EslCommand command)
    {
        try
        {
            return await DispatchAsync(command).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EslServerLog.CommandFailed(_ctx.Logger, ex, Id, command.Line);
            await ReplyAsync("-ERR command failed").ConfigureAwait(false);
            return true;
        }
    }

    private async ValueTask<bool> DispatchAsync(EslCommand command)
    {
        if (command.Is("exit") || command.Is("..."))
        {
            await ReplyAsync("+OK bye").ConfigureAwait(false);
            EnqueueClose(Render(w => WriteNotice(w, EslConstants.DisconnectNoticeBody)));
            return false;
        }

        if (!_authenticated)
        {
            if (command.Is("auth "))
            {
                return await AuthAsync(command.Line[5..]).ConfigureAwait(false);
            }

            if (command.Is("userauth "))
            {
                return await UserAuthAsync(command.Line[9..]).ConfigureAwait(false);
            }

            await ReplyAsync("-ERR command not found").ConfigureAwait(false);
            return true;
        }

        if (command.Is("filter "))
        {
            await ReplyAsync(Filter(command.Line[7..])).ConfigureAwait(false);
            return true;
        }

        var bound = _boundUuid is not null;
        if (bound && command.Is("resume"))
        {
            ResumeRequested = true;
            await ReplyAsync("+OK").ConfigureAwait(false);
            return true;
        }

        if (bound || command.Is("myevents "))
        {
            if (command.Is("connect"))
            {
                await ConnectAsync().ConfigureAwait(false);
                return true;
            }

            if (command.Is("getvar"))
            {
                await ReplyAsync(await GetVarAsync(command.Line).ConfigureAwait(false)).ConfigureAwait(false);
                return true;
            }

            if (command.Is("myevents"))
            {
                await ReplyAsync(await MyEventsAsync(command.Line).ConfigureAwait(false)).ConfigureAwait(false);
                return true;
            }
        }

        if (command.Is("divert_events"))
        {
            await ReplyAsync(DivertEvents(command.Line[13..])).ConfigureAwait(false);
            return true;
        }

        if (command.Is("sendmsg"))
        {
            await ReplyAsync(await SendMsgAsync(command).ConfigureAwait(false)).ConfigureAwait(false);
            return true;
        }

        if (command.Is("sendevent"))
        {
            await SendEventAsync(command).ConfigureAwait(false);
            return true;
        }

        if (command.Is("api "))
        {
            await ApiAsync(command.Line[4..]).ConfigureAwait(false);
            return true;
        }

        if (command.Is("bgapi "))
        {
            await BgApiAsync(command).ConfigureAwait(false);
            return true;
        }

        if (command.Is("event") && IsResume(command.Line, out var resumeArgument))
        {
            await ResumeAsync(resumeArgument).ConfigureAwait(false);
            return true;
        }

        var reply = command.Line switch
        {
            _ when command.Is("log") => Log(command.Line),
            _ when command.Is("linger") => Linger(command.Line),
            _ when command.Is("nolinger") => bound ? NoLingerReply() : "-ERR not controlling a session",
            _ when command.Is("nolog") => NoLog(),
            _ when command.Is("event") => Event(command.Line),
            _ when command.Is("nixevent") => NixEvent(command.Line),
            _ when command.Is("noevents") => NoEvents(),
            _ => "-ERR command not found",
        };
        await ReplyAsync(reply).ConfigureAwait(false);
        return true;
    }

    private async ValueTask<bool> AuthAsync(string password)
    {
        if (FixedTimeEquals(password, _ctx.Options.Password))
        {
            _authenticated = true;
            await ReplyAsync("+OK accepted").ConfigureAwait(false);
            return true;
        }

        await FailAuthAsync().ConfigureAwait(false);
        return false;
    }

    private async ValueTask<bool> UserAuthAsync(string credentials)
    {
        // FS accepts user@domain:password and user:password@domain.
        string user = credentials, domain = string.Empty, password = string.Empty;
        var at = user.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            domain = user[(at + 1)..];
            user = user[..at];
            var colon = domain.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                password = domain[(colon + 1)..];
                domain = domain[..colon];
            }
        }

        var userColon = user.IndexOf(':', StringComparison.Ordinal);
        if (userColon >= 0)
        {
            password = user[(userColon + 1)..];
            user = user[..userColon];
        }

        var check = _ctx.Options.UserAuthenticator;
        if (user.Length > 0 && domain.Length > 0 && password.Length > 0 && check is not null && check(user, domain, password))
        {
            _authenticated = true;
            await EnqueueReplyAsync(Render(w => EslFrameWriter.WriteCommandReply(
                w,
                "+OK accepted",
                [new(EslHeaderNames.AllowedEvents, "all"), new(EslHeaderNames.AllowedApi, "all"), new(EslHeaderNames.AllowedLog, "true")]))).ConfigureAwait(false);
            return true;
        }

        await FailAuthAsync().ConfigureAwait(false);
        return false;
    }

    private async ValueTask FailAuthAsync()
    {
        _ctx.Metrics.AuthFailures.Add(1);
        EslServerLog.AuthFailed(_ctx.Logger, Id, Remote);
        if (Remote is System.Net.IPEndPoint ip)
        {
            _ctx.Throttle.RecordFailure(ip.Address);
        }

        if (_ctx.Options.FailedAuthDelay > TimeSpan.Zero)
        {
            await Task.Delay(_ctx.Options.FailedAuthDelay, _ctx.Time, _closing.Token).ConfigureAwait(false);
        }

        await ReplyAsync("-ERR invalid").ConfigureAwait(false);
        EnqueueClose(Render(w => WriteNotice(w, EslConstants.DisconnectNoticeBody)));
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
