using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>A logger provider that keeps what one category logs, for tests that check what an operator would read.</summary>
public sealed class CapturedLog(string category) : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> entries = new();

    /// <summary>The category's warnings and errors.</summary>
    public List<string> Warnings() => entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message).ToList();

    public ILogger CreateLogger(string categoryName) => categoryName == category ? this : NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        entries.Enqueue((logLevel, formatter(state, exception)));

    public void Dispose()
    {
    }
}
