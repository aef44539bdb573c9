using System.Net;
using Microsoft.Extensions.Logging;

namespace Switch.Registrar;

internal static partial class RegistrarLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Banning {Source} for {BanSeconds} s after {Failures} failed authentications within {WindowSeconds} s")]
    public static partial void SourceBanned(ILogger logger, IPAddress source, int failures, double windowSeconds, double banSeconds);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Ban on {Source} lifted")]
    public static partial void BanLifted(ILogger logger, IPAddress source);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning,
        Message = "Brute-force guard is tracking {Count} sources; forgetting the {Dropped} least recent")]
    public static partial void GuardTableFull(ILogger logger, int count, int dropped);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Loaded {Count} unexpired registrations from the binding store")]
    public static partial void BindingsLoaded(ILogger logger, int count);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Error, Message = "Binding store failed while {Operation}")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string operation);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Information, Message = "Registration of {User}@{Domain} at {Contact} expired")]
    public static partial void BindingExpired(ILogger logger, string user, string domain, string contact);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information,
        Message = "Registered {User}@{Domain} at {Contact} from {Source} ({Status}, {Expires} s)")]
    public static partial void Registered(ILogger logger, string user, string domain, string contact, IPEndPoint source, string status, int expires);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Information, Message = "Unregistered {User}@{Domain} at {Contact}")]
    public static partial void Unregistered(ILogger logger, string user, string domain, string contact);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Warning,
        Message = "Authentication of {Username} from {Source} failed ({Verdict})")]
    public static partial void AuthenticationFailed(ILogger logger, string username, IPEndPoint source, string verdict);
}
