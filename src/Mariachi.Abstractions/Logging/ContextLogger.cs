using System.Collections;
using Microsoft.Extensions.Logging;

namespace Mariachi.Logging;

/// <summary>
/// Wraps a logger so that every entry is written inside a scope carrying the context's identifiers. The wrapper is
/// itself the scope state (a list of key/value pairs), so logging through it allocates nothing extra per entry.
/// </summary>
internal sealed class ContextLogger : ILogger, IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly ILogger _inner;
    private readonly Context _context;

    public ContextLogger(ILogger inner, Context context)
    {
        _inner = inner;
        _context = context;
    }

    public int Count => 4;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("TraceId", _context.TraceId),
        1 => new("TenantId", _context.TenantId),
        2 => new("UserId", _context.UserId),
        3 => new("Procedure", _context.Procedure),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!_inner.IsEnabled(logLevel))
        {
            return;
        }

        using (_inner.BeginScope(this))
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        $"TraceId:{_context.TraceId} TenantId:{_context.TenantId} UserId:{_context.UserId} Procedure:{_context.Procedure}";
}
