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

    /// <summary>
    /// Streaming, seen from both ends: once the client has read a row, the server runs ahead only as far as the
    /// transport lets it, so it has handed over a small part of the file (a server that built the file first hands
    /// over all of it at once), and the process's managed heap has not grown by the file either (a server that loaded
    /// every row first holds them all).
    /// </summary>
    [Fact]
    public async Task TransactionsCsv_WhileTheClientHasReadOneRow_ServerHoldsAFractionOfTheFile()
    {
        var ledger = await api.SeededAsync();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        using var response = await ledger.Agency.Client.GetAsync("/api/v1/transactions.csv", HttpCompletionOption.ResponseHeadersRead, Ct);
        await using var received = new CountingStream(await response.Content.ReadAsStreamAsync(Ct));
        using var reader = new StreamReader(received);
        await reader.ReadLineAsync(Ct);
        await reader.ReadLineAsync(Ct);
        var writtenAfterOneRow = await SettledAsync(() => api.ServerWrote);
        var receivedAfterOneRow = received.Bytes;
        var heldAfterOneRow = GC.GetTotalMemory(forceFullCollection: true) - before;
        var lines = 1;
        while (await reader.ReadLineAsync(Ct) is not null)
        {
            lines++;
        }
        var file = received.Bytes;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentLength.ShouldBeNull("the length is not known before the rows are read");
        lines.ShouldBe(ledger.Rows.Count);
        file.ShouldBeGreaterThan(5_000_000);
        api.ServerWrote.ShouldBe(file, "the server's count and the client's count are of the same bytes");
        receivedAfterOneRow.ShouldBeLessThan(file / 20);
        writtenAfterOneRow.ShouldBeLessThan(file / 10, $"with {receivedAfterOneRow:N0} bytes read, the server had written {writtenAfterOneRow:N0} of {file:N0}");
        // A server that built the file holds at least the file (bytes) or twice it (a string); one that loaded the rows
        // holds more than the file. A streaming server holds pooled buffers and caches only: a few MB whatever the
        // file's size, and that few varies with the thread pool and ArrayPool, so the bound is half the file.
        heldAfterOneRow.ShouldBeLessThan(file / 2, $"after one row, {heldAfterOneRow:N0} bytes are held for a {file:N0}-byte file");
    }

    // The value once it has stopped growing: the server has run as far ahead as the transport lets it.
    private static async Task<long> SettledAsync(Func<long> read)
    {
        var last = read();
        for (int quiet = 0, rounds = 0; quiet < 5 && rounds < 100; rounds++)
        {
            await Task.Delay(100, Ct);
            var now = read();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
        return last;
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
