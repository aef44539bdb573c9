using Microsoft.Extensions.Logging;
using Switch.Calls;
using Switch.Events;

namespace Switch.Commands.Channels;

/// <summary>The api commands for calls, ready for the <see cref="ApiCommandRegistry"/>.</summary>
internal static class ChannelCommands
{
    public static IReadOnlyList<IApiCommand> Create(CallEngine engine, EventBus bus, ILoggerFactory loggerFactory) =>
    [
        new UuidAnswerCommand(engine, UuidAnswerCommand.Answer),
        new UuidAnswerCommand(engine, UuidAnswerCommand.PreAnswer),
        new UuidAnswerCommand(engine, UuidAnswerCommand.RingReady),
        new UuidKillCommand(engine),
        new UuidParkCommand(engine),
        new UuidBridgeCommand(engine),
        new UuidSetVarCommand(engine),
        new UuidSetVarMultiCommand(engine),
        new UuidGetVarCommand(engine),
        new UuidExistsCommand(engine),
        new UuidDumpCommand(engine, bus),
        new HupAllCommand(engine),
        new UuidBreakCommand(engine),
        new UuidSendDtmfCommand(engine),
        new UuidBroadcastCommand(engine),
        new UuidRecordCommand(engine),
        new OriginateCommand(engine, loggerFactory.CreateLogger<OriginateCommand>()),
    ];
}
