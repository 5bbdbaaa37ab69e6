using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mariachi.Abstractions.Tests.Logging;

/// <summary>One entry written through a <see cref="RecordingLoggerProvider"/> logger, with the scopes open at the time.</summary>
internal sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception, IReadOnlyList<object?> Scopes)
{
    /// <summary>Every key/value pair of every open scope, innermost last (a later scope overrides an earlier key).</summary>
    public IReadOnlyDictionary<string, object?> ScopeValues
    {
        get
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var scope in Scopes)
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        values[key] = value;
                    }
                }
            }

            return values;
        }
    }
}

/// <summary>A logger provider that records every entry and the external scopes open when it was written.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object?>();
            provider._scopes.ForEachScope((scope, list) => list.Add(scope), scopes);
            provider.Entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception, scopes));
        }
    }
}
