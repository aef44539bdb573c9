namespace Switch.Sip.Message;

/// <summary>A slice of a message buffer by offset; <see cref="None"/> when the element is absent.</summary>
internal readonly record struct TextSegment(int Start, int Length)
{
    public static readonly TextSegment None = new(0, -1);

    public bool IsPresent => Length >= 0;

    public int End => Start + Length;

    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> s) => IsPresent ? s.Slice(Start, Length) : default;

    public TextSegment Offset(int by) => IsPresent ? new TextSegment(Start + by, Length) : this;
}
