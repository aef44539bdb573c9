using System.Runtime.CompilerServices;

namespace Switch.Calls;

/// <summary>
/// A fixed table of <see cref="ChannelHeaderBlocks"/>, one slot per hash of a channel's Unique-ID: the channels
/// whose events are being built keep finding their blocks, and a channel that has been quiet for a while gives its
/// slot to another and builds its blocks again when it next fires an event. Bounded memory however many calls are
/// up (a call's events come in bursts: set-up, answer, bridge, hangup). Slots hold the Unique-ID string, never
/// the channel, so nothing keeps a finished call alive.
/// </summary>
internal static class ChannelHeaderCache
{
    /// <summary>Slots; a power of two.</summary>
    internal const int Slots = 1024;

    private static readonly ChannelHeaderBlocks?[] Table = new ChannelHeaderBlocks?[Slots];

    /// <summary>The blocks of <paramref name="channel"/>: its slot's if they are the channel's, else new ones that take the slot.</summary>
    public static ChannelHeaderBlocks For(Channel channel)
    {
        var uuid = channel.Uuid;
        ref var slot = ref Table[RuntimeHelpers.GetHashCode(uuid) & (Slots - 1)];
        var blocks = Volatile.Read(ref slot);
        if (blocks is null || !ReferenceEquals(blocks.Uuid, uuid))
        {
            blocks = new ChannelHeaderBlocks(uuid);
            Volatile.Write(ref slot, blocks);
        }
        return blocks;
    }
}
