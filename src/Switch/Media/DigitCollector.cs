using System.Text;
using System.Text.RegularExpressions;

namespace Switch.Media;

/// <summary>
/// Collects DTMF digits for an IVR prompt (play_and_get_digits): feed it the leg's digits with <see cref="Add"/>
/// (also while the prompt plays), call <see cref="StartTimer"/> when the prompt has finished, and await
/// <see cref="Completion"/>. Timeouts run on the injected <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
internal sealed class DigitCollector : IDisposable
{
    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<DigitCollectionResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DigitCollectorOptions _options;
    private readonly StringBuilder _digits = new();
    private readonly Regex? _validation;
    private readonly bool _invalidPattern;
    private readonly ITimer _timer;
    private bool _done;

    public DigitCollector(DigitCollectorOptions options, TimeProvider time)
    {
        _options = options;
        if (!string.IsNullOrEmpty(options.ValidationPattern))
        {
            try
            {
                _validation = new Regex(options.ValidationPattern, RegexOptions.CultureInvariant, s_regexTimeout);
            }
            catch (ArgumentException)
            {
                _invalidPattern = true;
            }
        }

        _timer = time.CreateTimer(static state => ((DigitCollector)state!).OnTimeout(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public Task<DigitCollectionResult> Completion => _completion.Task;

    public string Digits
    {
        get
        {
            lock (_lock)
            {
                return _digits.ToString();
            }
        }
    }

    /// <summary>Arms the first-digit timeout (no-op once digits arrived or collection ended).</summary>
    public void StartTimer()
    {
        lock (_lock)
        {
            if (!_done && _digits.Length == 0)
            {
                _timer.Change(_options.Timeout, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Adds a key press; false once collection has ended (the digit is then not consumed).</summary>
    public bool Add(char digit)
    {
        DigitCollectionResult? result = null;
        lock (_lock)
        {
            if (_done)
            {
                return false;
            }

            if (_options.Terminators.Contains(digit, StringComparison.Ordinal))
            {
                result = Finish(DigitCollectionStatus.Terminated, digit);
            }
            else
            {
                _digits.Append(digit);
                if (_digits.Length >= Math.Max(1, _options.MaxDigits))
                {
                    result = Finish(DigitCollectionStatus.MaxDigits, null);
                }
                else
                {
                    _timer.Change(_options.DigitTimeout ?? _options.Timeout, Timeout.InfiniteTimeSpan);
                }
            }
        }

        if (result is not null)
        {
            _completion.TrySetResult(result);
        }

        return true;
    }

    public void Cancel() => End(DigitCollectionStatus.Cancelled);

    public void Dispose()
    {
        Cancel();
        _timer.Dispose();
    }

    private void OnTimeout() => End(DigitCollectionStatus.Timeout);

    private void End(DigitCollectionStatus status)
    {
        DigitCollectionResult? result;
        lock (_lock)
        {
            if (_done)
            {
                return;
            }

            result = Finish(status, null);
        }

        _completion.TrySetResult(result);
    }

    private DigitCollectionResult Finish(DigitCollectionStatus status, char? terminator)
    {
        _done = true;
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var digits = _digits.ToString();
        return new DigitCollectionResult(digits, status, terminator, status != DigitCollectionStatus.Cancelled && IsValid(digits));
    }

    private bool IsValid(string digits)
    {
        if (digits.Length < _options.MinDigits || digits.Length > Math.Max(1, _options.MaxDigits) || _invalidPattern)
        {
            return false;
        }

        try
        {
            return _validation is null || _validation.IsMatch(digits);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
