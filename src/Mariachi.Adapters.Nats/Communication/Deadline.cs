namespace Mariachi.Adapters.Nats.Communication;

/// <summary>
/// A token cancelled with <c>cancellationToken</c> or once <c>after</c> has passed on <c>time</c> (never when
/// <c>after</c> is null): <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/> cannot take a
/// <see cref="TimeProvider"/> on a linked source, so the clock gets its own source.
/// </summary>
internal sealed class Deadline : IDisposable
{
    private readonly CancellationTokenSource? _clock;
    private readonly CancellationTokenSource _linked;

    public Deadline(TimeSpan? after, TimeProvider time, CancellationToken cancellationToken)
    {
        _clock = after is { } delay ? new CancellationTokenSource(delay, time) : null;
        _linked = _clock is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _clock.Token);
    }

    public CancellationToken Token => _linked.Token;

    public bool IsCancellationRequested => _linked.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _clock?.Dispose();
    }
}
