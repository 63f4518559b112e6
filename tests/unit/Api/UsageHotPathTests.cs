using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// The usage route's hot path does little: no DbContext in the request, and no DbContext (nor service scope) per read
/// of the API-key stamp; a rotated key still stops at once.
/// </summary>
public sealed class UsageHotPathTests(HotPathApi api) : IClassFixture<HotPathApi>
{
    [Fact]
    public async Task UsageRoute_KeyedDebit_BuildsNoDbContextInTheRequest()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync("shared");

        var response = await agency.Client.UsageAsync(subAccount, 5, idempotencyKey: "hot-path-1");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        api.UsageRequestsThatBuiltADbContext.ShouldBe(0);
        api.UsageRequestsSeen.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ApiKeyStampReader_ManyReads_OpenOneServiceScope()
    {
        var scopes = new CountingScopes(api.Services.GetRequiredService<IServiceScopeFactory>());
        await using var reader = new ApiKeyStampReader(scopes);

        for (var i = 0; i < 5; i++)
        {
            await reader.CurrentAsync();
        }

        scopes.Created.ShouldBe(1); // to learn the provider and table once; the reads themselves are plain ADO.NET
    }

    [Fact]
    public async Task ApiKeyStampReader_AfterARotation_ReadsTheNewStamp()
    {
        var agency = await api.CreateAgencyAsync();
        await using var reader = new ApiKeyStampReader(api.Services.GetRequiredService<IServiceScopeFactory>());
        var before = await reader.CurrentAsync();

        var rotated = await agency.Client.PostAsync("/api/v1/agency/api-keys/rotate", null, Ct);

        rotated.IsSuccessStatusCode.ShouldBeTrue(await rotated.Content.ReadAsStringAsync(Ct));
        (await reader.CurrentAsync()).ShouldNotBe(before);
    }

    private sealed class CountingScopes(IServiceScopeFactory inner) : IServiceScopeFactory
    {
        private int created;

        public int Created => created;

        public IServiceScope CreateScope()
        {
            Interlocked.Increment(ref created);
            return inner.CreateScope();
        }
    }
}

/// <summary>The API on SQLite, noting for every usage request whether its scope built a DbContext by the time it answered.</summary>
public sealed class HotPathApi() : ApiFixture(DatabaseProvider.Sqlite)
{
    private readonly ConcurrentBag<bool> usage = [];

    public int UsageRequestsSeen => usage.Count;

    public int UsageRequestsThatBuiltADbContext => usage.Count(built => built);

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter>(new ProbeUsage(usage));

    private sealed class ProbeUsage(ConcurrentBag<bool> usage) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, proceed) =>
            {
                await proceed(context);
                if (context.Request.Path.Value?.EndsWith("/usage", StringComparison.Ordinal) == true)
                {
                    usage.Add(context.RequestServices.GetRequiredService<ScopeDbContext>().Current is not null);
                }
            });
            next(app);
        };
    }
}
