using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Runwire.Python.Tests.Support;

/// <summary>A logger that keeps every formatted line, to check what a pool writes to the host's log.</summary>
internal sealed class LogLines : ILogger<PythonWorkerPool>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IEnumerable<string> Lines => _lines;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue(formatter(state, exception));

    /// <summary>Waits until a line containing <paramref name="text"/> is logged (the host reads worker output asynchronously).</summary>
    public async Task WaitForAsync(string text)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!_lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
