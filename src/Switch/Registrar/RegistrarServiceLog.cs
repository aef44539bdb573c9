using Microsoft.Extensions.Logging;

namespace Switch.Registrar;

internal static partial class RegistrarServiceLog
{
    [LoggerMessage(EventId = 5030, Level = LogLevel.Error, Message = "REGISTER from {Flow} failed")]
    public static partial void RegisterFailed(ILogger logger, Exception exception, string flow);
}
