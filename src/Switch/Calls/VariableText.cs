using System.Runtime.CompilerServices;

namespace Switch.Calls;

/// <summary>
/// A variable value kept in a form more compact than a string (an SDP as UTF-8: half the size), made into a
/// string when read. The strings made are kept in a small fixed table of recent ones, so the events of a
/// call's burst (set-up, answer, bridge, hangup) share one string per value instead of making one each,
/// while a call at rest keeps only the compact form.
/// </summary>
internal abstract class VariableText
{
    /// <summary>Slots of recently made strings; a power of two.</summary>
    internal const int RecentSlots = 256;

    private static readonly Recent?[] RecentTexts = new Recent?[RecentSlots];

    /// <summary>The value as a string: the recent one when there is one, else made anew.</summary>
    public string Text
    {
        get
        {
            ref var slot = ref RecentTexts[RuntimeHelpers.GetHashCode(this) & (RecentSlots - 1)];
            var recent = Volatile.Read(ref slot);
            if (recent is not null && ReferenceEquals(recent.Source, this))
            {
                return recent.Text;
            }
            var text = Materialize();
            Volatile.Write(ref slot, new Recent(this, text));
            return text;
        }
    }

    /// <summary>Makes the string (a new one each time).</summary>
    protected abstract string Materialize();

    public override string ToString() => Text;

    private sealed record Recent(VariableText Source, string Text);
}
