using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>Keeps what one logger category writes (level and message), for a test that asserts on the log.</summary>
public sealed class CategoryLog(string category) : ILoggerProvider, ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    /// <summary>The messages at warning level or above.</summary>
    public List<string> Warnings() => Entries.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Message).ToList();

    public ILogger CreateLogger(string categoryName) =>
        categoryName == category ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));

    public void Dispose()
    {
    }
}
