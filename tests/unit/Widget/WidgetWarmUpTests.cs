using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.Health;
using ResellerKit.Storefront.Hosting;
using ResellerKit.Storefront.WidgetHost;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Widget;

/// <summary>
/// A freshly started node serves the widget once inside itself before <c>/readyz</c> says ready, so that its first
/// visitor is not the one who pays for the cold start. On the demo seed, the warm-up renders the demo agency's widget
/// with its packs and ends without a warning.
/// </summary>
public sealed class WidgetWarmUpTests(WarmUpApi api) : IClassFixture<WarmUpApi>
{
    [Fact]
    public async Task Readyz_OnANodeWithAnAgency_AnswersReadyOnceTheWidgetRenderedWithoutAWarning()
    {
        var ready = await Eventually.ReturnsAsync(() => api.CreateClient().GetAsync("/readyz", Ct), r => r.IsSuccessStatusCode);

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        api.Logs.ShouldContain(l => l.Level == LogLevel.Information && l.Message.StartsWith("The widget is warm", StringComparison.Ordinal));
        api.Logs.ShouldNotContain(l => l.Level >= LogLevel.Warning, string.Join("\n", api.Logs.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Message)));
    }

    [Fact]
    public async Task Readyz_MigratedButNotWarm_Answers503WarmingUp()
    {
        var readiness = new Readiness();
        readiness.MarkMigrated();
        await using var scope = api.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, Response = { Body = new MemoryStream() } };

        await (await HealthEndpoints.ReadyAsync(readiness, scope.ServiceProvider.GetRequiredService<EngineDbContext>(), Ct)).ExecuteAsync(context);

        context.Response.StatusCode.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        context.Response.Body.Position = 0;
        (await new StreamReader(context.Response.Body).ReadToEndAsync(Ct)).ShouldBe("warming up");
    }
}

/// <summary>The demo seed (an agency with packs and clients before the node starts), with the warm-up's log kept.</summary>
public sealed class WarmUpApi() : ApiFixture(DatabaseProvider.Sqlite)
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["ResellerKit:SeedDemo"] = "true",
        [$"Logging:LogLevel:{typeof(WidgetWarmUp).FullName}"] = "Information",
    };

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<ILoggerProvider>(new WarmUpLog(Logs));

    private sealed class WarmUpLog(ConcurrentQueue<(LogLevel, string)> logs) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == typeof(WidgetWarmUp).FullName ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));

        public void Dispose()
        {
        }
    }
}
