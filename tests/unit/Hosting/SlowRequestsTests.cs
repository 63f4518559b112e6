using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Tests.Unit.Hosting;

/// <summary>
/// A request slower than <c>ResellerKit:SlowRequestSeconds</c> is named in the server's log, so that a page that hangs in
/// a browser (the e2e walk once waited 30 s for a signed-in page to load) shows which request it waited for.
/// </summary>
public sealed class SlowRequestsTests
{
    private readonly ConcurrentQueue<string> warnings = new();

    [Fact]
    public async Task InvokeAsync_ARequestSlowerThanTheLimit_LogsItsMethodPathStatusAndTime()
    {
        var context = Request("GET", "/admin");

        await Middleware(async c => { await Task.Delay(150, Ct); c.Response.StatusCode = 200; }).InvokeAsync(context);

        warnings.ShouldHaveSingleItem().ShouldStartWith("GET /admin took 0.");
        warnings.Single().ShouldContain("(status 200)");
    }

    [Fact]
    public async Task InvokeAsync_ARequestWithinTheLimit_LogsNothing()
    {
        await Middleware(_ => Task.CompletedTask).InvokeAsync(Request("GET", "/admin.css"));

        warnings.ShouldBeEmpty();
    }

    private SlowRequests Middleware(RequestDelegate next) =>
        new(next, Options.Create(new ResellerKitOptions { SlowRequestSeconds = 0.1 }), new WarningLog(warnings));

    private static DefaultHttpContext Request(string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        return context;
    }

    private sealed class WarningLog(ConcurrentQueue<string> warnings) : ILogger<SlowRequests>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                warnings.Enqueue(formatter(state, exception));
            }
        }
    }
}
