using System.Globalization;
using System.Net;
using System.Text.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Reports;

/// <summary>
/// <c>GET /api/v1/transactions.csv</c> over 100k ledger rows: every row with a header, the same columns as the
/// JSON history, the history's filters, another agency's sub-account answered 404, and a body that streams: while
/// the client has read only the first row, the server holds a small fraction of the file, not the file.
/// </summary>
[Collection(nameof(TransactionCsvCollection))]
public sealed class TransactionCsvTests(CsvLedgerApi api) : IClassFixture<CsvLedgerApi>
{
    private const string Header = "id,created_at,type,credits,sub_account_id,sub_account,campaign_id,contact_id,description,reference";

    [Fact]
    public async Task TransactionsCsv_Of100kRows_HasTheHeaderAndEveryRow()
    {
        var ledger = await api.SeededAsync();

        ledger.Header.ShouldBe(Header);
        ledger.Rows.Count.ShouldBe(CsvLedgerApi.SeededRows + ledger.SubAccounts.Count, "the seeded usage and the four opening grants");
        ledger.Rows.ShouldAllBe(r => r.Length == 10);
        ledger.Rows.Count(r => r[2] == "usage").ShouldBe(CsvLedgerApi.SeededRows);
    }

    [Fact]
    public async Task TransactionsCsv_NewestRow_CarriesTheSameFactsAsTheJsonHistory()
    {
        var ledger = await api.SeededAsync();
        var newest = (await (await ledger.Agency.Client.GetAsync("/api/v1/transactions?limit=1", Ct)).ExpectAsync(HttpStatusCode.OK)).GetProperty("data")[0];
        var row = ledger.Rows[0];

        row[0].ShouldBe(newest.GetProperty("id").GetString());
        DateTimeOffset.Parse(row[1], CultureInfo.InvariantCulture).ShouldBe(newest.GetProperty("createdAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        row[2].ShouldBe(newest.GetProperty("type").GetString());
        row[3].ShouldBe(newest.GetProperty("credits").GetInt64().ToString(CultureInfo.InvariantCulture));
        row[4].ShouldBe(newest.GetProperty("subAccountId").GetString());
        row[5].ShouldStartWith("Client client-");
        row[6].ShouldBe(newest.GetProperty("campaignId").GetString());
        row[7].ShouldBeEmpty();
        row[8].ShouldBe("AI replies");
        row[9].ShouldBeEmpty();
    }

    [Fact]
    public async Task TransactionsCsv_WhileTheClientHasReadOneRow_ServerHoldsAFractionOfTheFile()
    {
        var ledger = await api.SeededAsync();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        using var response = await ledger.Agency.Client.GetAsync("/api/v1/transactions.csv", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        var header = await reader.ReadLineAsync(Ct);
        var first = await reader.ReadLineAsync(Ct);
        var heldAfterOneRow = GC.GetTotalMemory(forceFullCollection: true) - before;
        long bytes = header!.Length + first!.Length + 2;
        var lines = 1;
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            bytes += line.Length + 1;
            lines++;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentLength.ShouldBeNull("the length is not known before the rows are read");
        lines.ShouldBe(ledger.Rows.Count);
        bytes.ShouldBeGreaterThan(5_000_000);
        heldAfterOneRow.ShouldBeLessThan(bytes / 4, $"after one row, {heldAfterOneRow:N0} bytes are held for a {bytes:N0}-byte file");
    }

    [Fact]
    public async Task TransactionsCsv_FilteredBySubAccount_HasExactlyThatSubAccountsRows()
    {
        var ledger = await api.SeededAsync();
        var subAccount = ledger.SubAccounts[1];

        var rows = await ExportAsync(ledger, $"subAccountId={subAccount}");

        rows.Count.ShouldBe(ledger.Rows.Count(r => r[4] == subAccount));
        rows.Count.ShouldBeGreaterThan(20_000);
        rows.ShouldAllBe(r => r[4] == subAccount);
    }

    [Fact]
    public async Task TransactionsCsv_FilteredByAWindow_HasExactlyTheRowsFromItsStartUntilItsEnd()
    {
        var ledger = await api.SeededAsync();
        var to = DateTimeOffset.Parse(ledger.Rows[ledger.Rows.Count / 3][1], CultureInfo.InvariantCulture);
        var from = DateTimeOffset.Parse(ledger.Rows[ledger.Rows.Count / 2][1], CultureInfo.InvariantCulture);

        var rows = await ExportAsync(ledger, $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}");

        var expected = ledger.Rows.Where(r => DateTimeOffset.Parse(r[1], CultureInfo.InvariantCulture) is var at && at >= from && at < to).Select(r => r[0]).ToList();
        expected.Count.ShouldBeGreaterThan(10_000);
        rows.Select(r => r[0]).ShouldBe(expected);
    }

    [Fact]
    public async Task TransactionsCsv_ForAnotherAgencysSubAccount_Answers404()
    {
        var ledger = await api.SeededAsync();
        var other = await api.CreateAgencyAsync();

        var response = await other.Client.GetAsync($"/api/v1/transactions.csv?subAccountId={ledger.SubAccounts[0]}", Ct);
        var problem = await response.ExpectAsync(HttpStatusCode.NotFound);

        problem.GetProperty("code").GetString().ShouldBe("not_found");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task TransactionsCsv_WithAWindowThatRunsBackwards_Answers400NamingFrom()
    {
        var ledger = await api.SeededAsync();

        var response = await ledger.Agency.Client.GetAsync("/api/v1/transactions.csv?from=2026-02-01&to=2026-01-01", Ct);
        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("from", out _).ShouldBeTrue(problem.GetRawText());
    }

    private static async Task<List<string[]>> ExportAsync(CsvLedger ledger, string query)
    {
        using var response = await ledger.Agency.Client.GetAsync("/api/v1/transactions.csv?" + query, HttpCompletionOption.ResponseHeadersRead, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        (await reader.ReadLineAsync(Ct)).ShouldBe(Header);
        var rows = new List<string[]>();
        while (await reader.ReadLineAsync(Ct) is { } line) rows.Add(line.Split(','));
        return rows;
    }
}

/// <summary>Alone in the process while it runs, so that the managed heap it measures is its own.</summary>
[CollectionDefinition(nameof(TransactionCsvCollection), DisableParallelization = true)]
public sealed class TransactionCsvCollection;
