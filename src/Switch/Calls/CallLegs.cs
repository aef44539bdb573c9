namespace Switch.Calls;

/// <summary>
/// The legs a call owns, in order of arrival: the first two inline (a call has one or two legs almost
/// always), more in a list made only when a call gathers a third. A mutable struct kept in a field of its
/// call, so a call costs no list and no array for its legs.
/// </summary>
internal struct CallLegs
{
    private Channel? _first;
    private Channel? _second;
    private List<Channel>? _more;

    public readonly int Count => _first is null ? 0 : _second is null ? 1 : 2 + (_more?.Count ?? 0);

    public readonly Channel this[int index] =>
        (uint)index >= (uint)Count ? throw new ArgumentOutOfRangeException(nameof(index))
        : index == 0 ? _first! : index == 1 ? _second! : _more![index - 2];

    public void Add(Channel leg)
    {
        if (_first is null)
        {
            _first = leg;
        }
        else if (_second is null)
        {
            _second = leg;
        }
        else
        {
            (_more ??= new List<Channel>(2)).Add(leg);
        }
    }

    /// <summary>Removes a leg, keeping the order of the others; false when it is not here.</summary>
    public bool Remove(Channel leg)
    {
        if (ReferenceEquals(_first, leg))
        {
            _first = _second;
            _second = TakeFirstOfMore();
            return true;
        }
        if (ReferenceEquals(_second, leg))
        {
            _second = TakeFirstOfMore();
            return true;
        }
        if (_more is { } more && more.Remove(leg))
        {
            _more = more.Count == 0 ? null : more;
            return true;
        }
        return false;
    }

    public readonly Enumerator GetEnumerator() => new(this);

    private Channel? TakeFirstOfMore()
    {
        if (_more is not { Count: > 0 } more)
        {
            return null;
        }
        var next = more[0];
        more.RemoveAt(0);
        if (more.Count == 0)
        {
            _more = null;
        }
        return next;
    }

    /// <summary>Walks the legs (the first two as they were when the walk started).</summary>
    public struct Enumerator(CallLegs legs)
    {
        private readonly CallLegs _legs = legs;
        private int _index = -1;

        public readonly Channel Current => _legs[_index];

        public bool MoveNext() => ++_index < _legs.Count;
    }
}
