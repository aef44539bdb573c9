using System.Runtime.InteropServices;

namespace Switch.Sip.Message;

/// <summary>A header line inside a message buffer: id, name slice and trimmed value slice (16 bytes).</summary>
[StructLayout(LayoutKind.Auto)]
internal readonly struct SipHeaderField
{
    private readonly int _nameStart;
    private readonly int _valueStart;
    private readonly int _valueLength;
    private readonly ushort _nameLength;

    public SipHeaderField(SipHeaderId id, TextSegment name, TextSegment value, bool folded)
    {
        Id = id;
        Folded = folded;
        _nameStart = name.Start;
        _nameLength = (ushort)name.Length;
        _valueStart = value.Start;
        _valueLength = value.Length;
    }

    public SipHeaderId Id { get; }

    /// <summary>True when the value spans folded lines (contains CRLF + whitespace).</summary>
    public bool Folded { get; }

    public TextSegment Name => new(_nameStart, _nameLength);

    public TextSegment Value => new(_valueStart, _valueLength);

    public SipHeaderField Rebase(int by) => new(Id, Name.Offset(by), Value.Offset(by), Folded);
}
