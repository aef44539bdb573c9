namespace Switch.Calls;

/// <summary>
/// The names of a channel's variables in order, shared by every channel that set the same names in the same
/// order (every inbound SIP leg sets the same sip_* names, every bridged b-leg the same bridge names): a
/// channel then keeps only its values, one reference per variable instead of two. Layouts form a tree from
/// <see cref="Empty"/>: adding a name moves a channel to a child layout, found among the few children a
/// layout has or made once. Immutable apart from the list of children, which only grows (by replacing it).
/// Bounded: past <see cref="MaxLayouts"/> layouts in all, <see cref="MaxNames"/> names in one, or
/// <see cref="MaxChildren"/> children of one, a channel keeps names of its own instead, so hostile variable
/// names cost a fixed amount at most.
/// </summary>
internal sealed class VariableLayout
{
    public const int MaxLayouts = 4096;
    public const int MaxNames = 96;
    public const int MaxChildren = 32;

    private static int _layouts;

    private readonly string[] _names;
    /// <summary>Each name's case-insensitive hash (<see cref="HashOf"/>), so a lookup scans ints instead of comparing strings.</summary>
    private readonly int[] _hashes;
    private readonly VariableLayout? _parent;
    private VariableLayout[] _children = [];

    private VariableLayout(string[] names, int[] hashes, VariableLayout? parent)
    {
        _names = names;
        _hashes = hashes;
        _parent = parent;
    }

    /// <summary>The layout of a channel without variables: the root every channel starts from.</summary>
    public static VariableLayout Empty { get; } = new([], [], null);

    /// <summary>A root of a tree of its own (tests: a tree no other test has grown).</summary>
    internal static VariableLayout NewRoot() => new([], [], null);

    /// <summary>Layouts made so far (diagnostics).</summary>
    public static int Count => Volatile.Read(ref _layouts);

    public int NameCount => _names.Length;

    /// <summary>The names, in the order they were set.</summary>
    public ReadOnlySpan<string> Names => _names;

    /// <summary>A name's hash as the store compares names: ordinal, ignoring case.</summary>
    public static int HashOf(string name) => string.GetHashCode(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The position among the first <paramref name="count"/> names of <paramref name="name"/> (compared ignoring
    /// case), or -1: a scan of the hashes, then a string comparison where a hash matches.
    /// </summary>
    public int IndexOf(string name, int count)
    {
        var hashes = _hashes.AsSpan(0, count);
        var hash = HashOf(name);
        var start = 0;
        while (true)
        {
            var k = hashes[start..].IndexOf(hash);
            if (k < 0)
            {
                return -1;
            }
            var i = start + k;
            var key = _names[i];
            if (ReferenceEquals(key, name) || string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
            start = i + 1;
        }
    }

    /// <summary>
    /// This layout without the name at <paramref name="index"/> (the others in order): the ancestor before it,
    /// then the names after it added again, which finds the layouts other channels made for the same names.
    /// Null when no more layouts may be made.
    /// </summary>
    public VariableLayout? Without(int index)
    {
        var kept = this;
        for (var n = _names.Length; n > index; n--)
        {
            kept = kept._parent!;
        }
        for (var j = index + 1; j < _names.Length && kept is not null; j++)
        {
            kept = kept.With(_names[j]);
        }
        return kept;
    }

    /// <summary>This layout with <paramref name="name"/> added at the end, or null when no more layouts may be made.</summary>
    public VariableLayout? With(string name)
    {
        var children = Volatile.Read(ref _children);
        foreach (var child in children)
        {
            var last = child._names[^1];
            if (ReferenceEquals(last, name) || string.Equals(last, name, StringComparison.Ordinal))
            {
                return child;
            }
        }
        if (_names.Length >= MaxNames || children.Length >= MaxChildren)
        {
            return null;
        }
        if (Interlocked.Increment(ref _layouts) > MaxLayouts)
        {
            Interlocked.Decrement(ref _layouts);
            return null;
        }
        string[] names = [.. _names, name];
        int[] hashes = [.. _hashes, HashOf(name)];
        var made = new VariableLayout(names, hashes, this);
        while (true)
        {
            // Another thread may have added children (the same name, even) meanwhile: take its layout then.
            foreach (var child in children)
            {
                if (string.Equals(child._names[^1], name, StringComparison.Ordinal))
                {
                    Interlocked.Decrement(ref _layouts);
                    return child;
                }
            }
            if (children.Length >= MaxChildren)
            {
                Interlocked.Decrement(ref _layouts);
                return null;
            }
            VariableLayout[] grown = [.. children, made];
            var seen = Interlocked.CompareExchange(ref _children, grown, children);
            if (ReferenceEquals(seen, children))
            {
                return made;
            }
            children = seen;
        }
    }
}
