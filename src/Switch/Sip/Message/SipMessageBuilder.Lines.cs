namespace Switch.Sip.Message;

internal sealed partial class SipMessageBuilder
{
    /// <summary>Storage of the longest builders kept for reuse; a longer one is left to the collector.</summary>
    private const int MaxKeptLines = 64;

    /// <summary>The lines of a builder built with a *Once method, for the next builder on this thread (cleared).</summary>
    [ThreadStatic]
    private static Entry[]? t_spareLines;

    private static readonly Entry[] SpentLines = [];

    private bool _spent;

    private static Entry[] RentLines(int capacity)
    {
        var spare = t_spareLines;
        if (spare is not null && spare.Length >= capacity)
        {
            t_spareLines = null;
            return spare;
        }

        return new Entry[capacity];
    }

    /// <summary>Gives the line storage back (cleared: it must hold no message or value alive) and marks the builder spent.</summary>
    private void Release()
    {
        if (_spent)
        {
            return;
        }

        var lines = _headers;
        Array.Clear(lines, 0, _count);
        _headers = SpentLines;
        _count = 0;
        _spent = true;
        if (lines.Length <= MaxKeptLines && (t_spareLines is null || t_spareLines.Length < lines.Length))
        {
            t_spareLines = lines;
        }
    }

    private void ThrowIfSpent()
    {
        if (_spent)
        {
            throw new InvalidOperationException("The builder was built with a *Once method and cannot be used again.");
        }
    }
}
