namespace Switch.Client;

/// <summary>A minimal hot <see cref="IObservable{T}"/>: observers see items pushed after they subscribe, in order.</summary>
internal sealed class EventObservable<T> : IObservable<T>
{
    private readonly Lock _gate = new();
    private IObserver<T>[] _observers = [];
    private bool _completed;

    public bool HasObservers => Volatile.Read(ref _observers).Length > 0;

    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate)
        {
            if (_completed)
            {
                observer.OnCompleted();
                return new Subscription(this, observer);
            }

            _observers = [.. _observers, observer];
        }

        return new Subscription(this, observer);
    }

    /// <summary>Pushes <paramref name="item"/>; an observer that throws is reported through <paramref name="onError"/> and kept.</summary>
    public void Next(T item, Action<Exception> onError)
    {
        foreach (var observer in Volatile.Read(ref _observers))
        {
            try
            {
                observer.OnNext(item);
            }
            catch (Exception ex)
            {
                onError(ex);
            }
        }
    }

    public void Complete()
    {
        IObserver<T>[] observers;
        lock (_gate)
        {
            _completed = true;
            observers = _observers;
            _observers = [];
        }

        foreach (var observer in observers)
        {
            observer.OnCompleted();
        }
    }

    private void Remove(IObserver<T> observer)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_observers, observer);
            if (index >= 0)
            {
                _observers = [.. _observers[..index], .. _observers[(index + 1)..]];
            }
        }
    }

    private sealed class Subscription(EventObservable<T> owner, IObserver<T> observer) : IDisposable
    {
        public void Dispose() => owner.Remove(observer);
    }
}
