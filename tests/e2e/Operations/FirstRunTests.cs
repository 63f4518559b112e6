using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Operations;

/// <summary>What a newcomer sees on the embedded defaults: one command, a banner, and keys that work.</summary>
public sealed partial class FirstRunTests
{
    [Fact]
    public async Task FirstStart_OnEmbeddedDefaults_PrintsUrlsAndKeysThatWork()
    {
        var workDir = StorefrontProcess.NewWorkDir();
        await using var storefront = await StorefrontProcess.StartAsync(workDir);
        await storefront.WaitForOutputAsync(l => l.Contains("Client login", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var banner = string.Join('\n', storefront.Output);

        var agencyKey = AgencyKey().Match(banner).Value;
        var platformKey = PlatformKey().Match(banner).Value;
        agencyKey.ShouldNotBeNullOrEmpty(banner);
        platformKey.ShouldNotBeNullOrEmpty(banner);
        using var http = new HttpClient();
        foreach (var url in Url().Matches(banner).Select(m => m.Value).Distinct())
        {
            var response = await http.GetAsync(url, Ct);
            ((int)response.StatusCode).ShouldBeLessThan(400, $"{url} printed in the banner answered {(int)response.StatusCode}");
        }
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agencyKey);
        var agency = JsonDocument.Parse(await http.GetStringAsync(storefront.BaseUrl + "/api/v1/agency", Ct)).RootElement;
        agency.GetProperty("slug").GetString().ShouldBe("demo");
        agency.GetProperty("subAccountCount").GetInt32().ShouldBe(3);
        agency.GetProperty("poolBalance").GetInt64().ShouldBe(10_000 - 120 - 45);
        File.Exists(Path.Combine(workDir, "resellerkit.db")).ShouldBeTrue("the default database is a SQLite file in the working folder");
    }

    [Fact]
    public async Task SecondStart_PrintsNoSecretsAndTellsHowToGetNewOnes()
    {
        var workDir = StorefrontProcess.NewWorkDir();
        await using (var first = await StorefrontProcess.StartAsync(workDir))
        {
            await first.WaitForOutputAsync(l => l.Contains("Client login", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            await first.StopAsync();
        }

        await using var second = await StorefrontProcess.StartAsync(workDir);
        await second.WaitForOutputAsync(l => l.Contains("demo credentials", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        string.Join('\n', second.Output).ShouldNotContain("rk_agency_");
        var (exit, output) = await StorefrontProcess.RunCommandAsync(workDir, null, "demo", "credentials");
        exit.ShouldBe(0, output);
        var newKey = AgencyKey().Match(output).Value;
        using var http = new HttpClient { DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", newKey) } };
        (await http.GetAsync(second.BaseUrl + "/api/v1/agency", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LedgerVerify_OnACleanLedger_ExitsZero_AndOnATamperedOne_ExitsOneNamingTheWallet()
    {
        var workDir = StorefrontProcess.NewWorkDir();
        await using (var storefront = await StorefrontProcess.StartAsync(workDir))
        {
            await storefront.StopAsync();
        }

        var clean = await StorefrontProcess.RunCommandAsync(workDir, null, "ledger", "verify");
        string tampered;
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(workDir, "resellerkit.db")};Pooling=false"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE Wallets SET Balance = Balance + 5 WHERE Kind = 'Pool' RETURNING Id";
            tampered = ((string)(await command.ExecuteScalarAsync(Ct))!).ToLowerInvariant();
        }
        var broken = await StorefrontProcess.RunCommandAsync(workDir, null, "ledger", "verify");

        clean.ExitCode.ShouldBe(0, clean.Output);
        clean.Output.ShouldContain("ledger verify: clean");
        broken.ExitCode.ShouldBe(1, broken.Output);
        broken.Output.ToLowerInvariant().ShouldContain($"balance-equals-entries: wallet {tampered}");
    }

    [GeneratedRegex(@"rk_agency_[A-Za-z0-9_-]+")]
    private static partial Regex AgencyKey();

    [GeneratedRegex(@"rk_platform_[A-Za-z0-9_-]+")]
    private static partial Regex PlatformKey();

    [GeneratedRegex(@"https?://127\.0\.0\.1:\d+[^\s]*")]
    private static partial Regex Url();
}
