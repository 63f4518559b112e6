using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Bench.Load.Dashboard;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Reports;

/// <summary>An agency with four reselling clients and 100k usage transactions behind them, as one full CSV export reads them.</summary>
public sealed record CsvLedger(TestAgency Agency, IReadOnlyList<string> SubAccounts, string Header, IReadOnlyList<string[]> Rows);

/// <summary>
/// The Storefront on SQLite with one agency's ledger seeded in bulk (the dashboard bench's seeder: balanced
/// double-entry usage spread over a year), once per test class. <see cref="ServerWrote"/> counts the bytes the app
/// has handed to the response of the latest CSV export.
/// </summary>
public sealed class CsvLedgerApi() : ApiFixture(DatabaseProvider.Sqlite)
{
    private CountingStream? latestExport;

    /// <summary>Bytes the server has written into the body of the latest <c>/api/v1/transactions.csv</c> response so far.</summary>
    public long ServerWrote => latestExport?.Bytes ?? 0;

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter>(new CountCsvBytes(counter => latestExport = counter));

    public const int SeededRows = 100_000;
    private Task<CsvLedger>? seeded;
    private readonly Lock gate = new();

    public Task<CsvLedger> SeededAsync()
    {
        lock (gate)
        {
            return seeded ??= SeedAsync();
        }
    }

    private async Task<CsvLedger> SeedAsync()
    {
        var agency = await this.CreateAgencyAsync();
        var subAccounts = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var subAccount = await agency.CreateSubAccountAsync("reselling");
            (await agency.Client.PostAsJsonAsync($"/api/v1/sub-accounts/{subAccount}/grants", new { credits = 200_000, reason = "opening balance" }, Ct))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            subAccounts.Add(subAccount);
        }
        // The app's workers keep using the database, so it stays in WAL and the seeding waits its turn to write.
        await using (var connection = new SqliteConnection(ConnectionString + ";Default Timeout=120"))
        {
            await connection.OpenAsync(Ct);
            LedgerSeeder.Seed(connection, Guid.Parse(agency.Id), SeededRows);
        }

        using var response = await agency.Client.GetAsync("/api/v1/transactions.csv", HttpCompletionOption.ResponseHeadersRead, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        var header = (await reader.ReadLineAsync(Ct))!;
        var rows = new List<string[]>(SeededRows + 8);
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            rows.Add(line.Split(','));
        }
        return new CsvLedger(agency, subAccounts, header, rows);
    }
}

/// <summary>Puts a <see cref="CountingStream"/> in front of the body of every CSV export, before any of the app's middleware.</summary>
internal sealed class CountCsvBytes(Action<CountingStream> started) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            if (context.Request.Path.StartsWithSegments("/api/v1/transactions.csv", StringComparison.Ordinal))
            {
                var counter = new CountingStream(context.Response.Body);
                started(counter);
                context.Response.Body = counter;
            }
            await proceed(context);
        });
        next(app);
    };
}
