using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IrpFlows.Tests.Support;

/// <summary>Every line the app logs, with its exception and the scopes it was logged in.</summary>
public sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public string Text => string.Join("\n", _lines);

    /// <summary>The lines logged at <paramref name="level"/>.</summary>
    public IReadOnlyList<string> At(LogLevel level) => _lines.Where(l => l.StartsWith(level + " ", StringComparison.Ordinal)).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => log._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new System.Text.StringBuilder($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            log._scopes.ForEachScope((scope, text) => text.Append(" => ").Append(scope is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : scope), line);
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
                line.Append(" | ").AppendJoin(", ", properties.Select(p => $"{p.Key}={p.Value}"));
            log._lines.Enqueue(line.ToString());
        }
    }
}
