using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mariachi.Adapters.Nats.Tests.Infrastructure;

/// <summary>Keeps each entry with the key/value scope it was written in (the scope a Context's logger opens).</summary>
internal sealed class ScopeRecordingLogger<T> : ILogger<T>
{
    private readonly AsyncLocal<IReadOnlyDictionary<string, object?>?> _scope = new();

    public ConcurrentQueue<(string Message, IReadOnlyDictionary<string, object?> Scope)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        var previous = _scope.Value;
        _scope.Value = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : null;
        return new Restore(() => _scope.Value = previous);
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((formatter(state, exception), _scope.Value ?? new Dictionary<string, object?>()));

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
