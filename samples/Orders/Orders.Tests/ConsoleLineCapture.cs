using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Orders.Tests;

/// <summary>
/// Writes every entry the app's configuration lets through with the console formatter that configuration chose
/// (name and options), so a test reads the lines the console shows.
/// </summary>
public sealed class ConsoleLineCapture(IOptions<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConsoleFormatter _formatter = formatters.Single(f => f.Name == (options.Value.FormatterName ?? ConsoleFormatterNames.Simple));
    private IExternalScopeProvider? _scopes;

    public ConcurrentQueue<(string Category, LogLevel Level, string Line)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(ConsoleLineCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var line = new StringWriter();
            capture._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), capture._scopes, line);
            capture.Lines.Enqueue((category, logLevel, line.ToString()));
        }
    }
}
