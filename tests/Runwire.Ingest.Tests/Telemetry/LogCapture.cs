using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Runwire.Ingest.Tests.Telemetry;

/// <summary>One log line with the fields of every scope it was written in (JobId, KafkaKey, TraceId, ...).</summary>
public sealed record LogLine(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, string?> Scope);

/// <summary>A logger provider that keeps every line with its scopes, as a structured log sink (OTLP, JSON console) would.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<LogLine> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = new Dictionary<string, string?>();
            capture._scopes.ForEachScope((scope, _) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        fields[key] = value?.ToString();
                    }
                }
            }, (object?)null);
            capture.Lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception), fields));
        }
    }
}
