using System.Runtime.InteropServices;

namespace Switch.Sip.Message;

internal sealed partial class SipMessageBuilder
{
    /// <summary>
    /// One header line of the recipe (16 bytes): the value as text, as line <c>index</c> of a parsed message (valid as it
    /// is unless folded, which is written unfolded and checked again), or as bytes to check. <see cref="Name"/> is set
    /// for unknown headers only (their value is then held with the name in a <see cref="Named"/>).
    /// </summary>
    private readonly struct Entry
    {
        /// <summary>Bytes values up to this length are held in place (the length shares an int with the id).</summary>
        private const int MaxLength = (1 << 23) - 1;

        /// <summary>A string, a <see cref="SipMessage"/>, a byte[], or a <see cref="Named"/> holding one of them.</summary>
        private readonly object? _value;
        private readonly int _start;
        private readonly int _idAndLength;

        private Entry(SipHeaderId id, string? name, object? value, int start, int length)
        {
            _value = name is null ? value : new Named(name, value);
            _start = start;
            _idAndLength = (byte)id | (length << 8);
        }

        public SipHeaderId Id => (SipHeaderId)(byte)_idAndLength;

        public string? Name => (_value as Named)?.Name;

        public string? TextValue => Value as string;

        /// <summary>The message whose line this is, when that line needs no check.</summary>
        public SipMessage? Source => Value is SipMessage m && !m.GetField(_start).Folded ? m : null;

        /// <summary>The line's index in <see cref="Source"/>.</summary>
        public int SourceIndex => _start;

        public ReadOnlyMemory<byte> Bytes => Value switch
        {
            SipMessage m => m.FieldValue(_start),
            byte[] a => a.AsMemory(_start, _idAndLength >>> 8),
            _ => default,
        };

        private object? Value => _value is Named named ? named.Value : _value;

        public static Entry Text(SipHeaderId id, string? name, string value) => new(id, name, value, 0, 0);

        public static Entry Copy(SipHeaderId id, string? name, SipMessage message, int index) => new(id, name, message, index, 0);

        public static Entry Raw(SipHeaderId id, string? name, ReadOnlyMemory<byte> value)
        {
            if (value.Length > MaxLength)
            {
                throw new ArgumentException("A header value must be shorter than 8 MB.", nameof(value));
            }

            return MemoryMarshal.TryGetArray(value, out var segment)
                ? new Entry(id, name, segment.Array, segment.Offset, segment.Count)
                : new Entry(id, name, value.ToArray(), 0, value.Length);
        }

        /// <summary>An unknown header's name with its value.</summary>
        private sealed record Named(string Name, object? Value);
    }
}
