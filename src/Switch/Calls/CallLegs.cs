namespace Switch.Calls;

/// <summary>
/// The legs a call owns, in order of arrival: the first two inline (a call has one or two legs almost
/// always), more in an array made only when a call gathers a third. A mutable struct kept in a field of its
/// call, so a call costs no list and no array for its legs.
/// </summary>
internal struct CallLegs
{
    private Channel? _first;
    private Channel? _second;
    private Channel[]? _more;
    private int _count;

    public readonly int Count => _count;

    public readonly Channel this[int index] =>
        (uint)index >= (uint)_count ? throw new ArgumentOutOfRangeException(nameof(index))
        : index == 0 ? _first! : index == 1 ? _second! : _more![index - 2];

    public void Add(Channel leg)
    {
        switch (_count)
        {
            case 0:
                _first = leg;
                break;
            case 1:
                _second = leg;
                break;
            default:
                var at = _count - 2;
                if (_more is null || at == _more.Length)
                {
                    Array.Resize(ref _more, Math.Max(2, at * 2));
                }
                _more[at] = leg;
                break;
        }
        _count++;
    }

    /// <summary>Removes a leg, keeping the order of the others; false when it is not here.</summary>
    public bool Remove(Channel leg)
    {
        var index = IndexOf(leg);
        if (index < 0)
        {
            return false;
        }
        for (var i = index; i < _count - 1; i++)
        {
            Set(i, this[i + 1]);
        }
        Set(_count - 1, null);
        _count--;
        if (_count <= 2)
        {
            _more = null;
        }
        return true;
    }

    public readonly Enumerator GetEnumerator() => new(this);

    private readonly int IndexOf(Channel leg)
    {
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(this[i], leg))
            {
                return i;
            }
        }
        return -1;
    }

    private void Set(int index, Channel? leg)
    {
        switch (index)
        {
            case 0:
                _first = leg;
                break;
            case 1:
                _second = leg;
                break;
            default:
                _more![index - 2] = leg!;
                break;
        }
    }

    /// <summary>Walks a copy of the legs as they were when the walk started.</summary>
    public struct Enumerator(CallLegs legs)
    {
        private readonly CallLegs _legs = legs;
        private int _index = -1;

        public readonly Channel Current => _legs[_index];

        public bool MoveNext() => ++_index < _legs.Count;
    }
}
