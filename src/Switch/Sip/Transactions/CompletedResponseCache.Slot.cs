using System.Runtime.CompilerServices;

namespace Switch.Sip.Transactions;

internal sealed partial class CompletedResponseCache
{
    [Flags]
    private enum SlotFlags : byte
    {
        None = 0,

        /// <summary>Still answers its key (not expired, not replaced by a later Add).</summary>
        Live = 1,

        /// <summary>The destination address is IPv6 (16 bytes and a scope id), else IPv4 (4 bytes).</summary>
        IPv6 = 2,

        /// <summary>The branch is stored one byte a character (it was ASCII), else as its UTF-16 bytes.</summary>
        BranchAscii = 4,

        HostAscii = 8,

        MethodAscii = 16,
    }

    /// <summary>
    /// One cached response: its place in a byte chunk (branch, host and method of the key, then the response,
    /// back to back), its key's hash and port, its hash chain link and where the response went.
    /// </summary>
    private struct Slot
    {
        public long Due;
        public AddressBytes Address;
        public int Hash;

        /// <summary>Slot index + 1 of the next entry in this one's hash chain; 0 at its end.</summary>
        public int Next;

        /// <summary>Index of the byte chunk holding the key and response, and where in it they start.</summary>
        public int Chunk;
        public int Offset;
        public int BranchLength;
        public int HostLength;
        public int MethodLength;
        public int ResponseLength;
        public int Port;
        public int LocalIndex;
        public uint ScopeId;
        public ushort DestinationPort;
        public SlotFlags Flags;

        public readonly int KeyLength => BranchLength + HostLength + MethodLength;

        /// <summary>Bytes the entry takes in its chunk.</summary>
        public readonly int Length => KeyLength + ResponseLength;
    }

    [InlineArray(16)]
    private struct AddressBytes
    {
        private byte _element;
    }
}
