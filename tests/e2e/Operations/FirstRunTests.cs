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
        await storefront.WaitForOutputAsync(l => l.Contains("Client-owned account", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
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
        var agency = JsonDocument.Parse(await GetAsync(storefront, "/api/v1/agency", agencyKey, HttpStatusCode.OK)).RootElement;
        var agencies = JsonDocument.Parse(await GetAsync(storefront, "/api/v1/agencies", platformKey, HttpStatusCode.OK)).RootElement;
        await GetAsync(storefront, "/api/v1/agencies", platformKey[..^4] + "XXXX", HttpStatusCode.Unauthorized);
        await GetAsync(storefront, "/api/v1/agencies", agencyKey, HttpStatusCode.Forbidden);

        agency.GetProperty("slug").GetString().ShouldBe("demo");
        agency.GetProperty("subAccountCount").GetInt32().ShouldBe(3);
        agency.GetProperty("poolBalance").GetInt64().ShouldBe(10_000 - 120 - 45);
        agencies.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("slug").GetString()).ShouldContain("demo", "the printed platform key works");
        File.Exists(Path.Combine(workDir, "resellerkit.db")).ShouldBeTrue("the default database is a SQLite file in the working folder");
    }

    [Fact]
    public async Task SecondStart_PrintsNoSecretsAndTellsHowToGetNewOnes()
    {
        var workDir = StorefrontProcess.NewWorkDir();
        IReadOnlyList<string> secrets;
        await using (var first = await StorefrontProcess.StartAsync(workDir))
        {
            await first.WaitForOutputAsync(l => l.Contains("Client-owned account", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            secrets = Secrets(string.Join('\n', first.Output));
            await first.StopAsync();
        }

        await using var second = await StorefrontProcess.StartAsync(workDir);
        await second.WaitForOutputAsync(l => l.Contains("demo credentials", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var output = string.Join('\n', second.Output);

        secrets.Count.ShouldBe(6, "the first start printed the agency key, the platform key and four passwords");
        secrets.Where(s => output.Contains(s, StringComparison.Ordinal)).ShouldBeEmpty("the second start prints none of the first start's secrets");
        AgencyKey().IsMatch(output).ShouldBeFalse();
        PlatformKey().IsMatch(output).ShouldBeFalse();
        var (exit, reissued) = await StorefrontProcess.RunCommandAsync(workDir, null, "demo", "credentials");
        exit.ShouldBe(0, reissued);
        var newKey = AgencyKey().Match(reissued).Value;
        await GetAsync(second, "/api/v1/agency", newKey, HttpStatusCode.OK);
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

    [Fact]
    public async Task LedgerVerify_OnAFreshInstall_PrintsItsReportWithoutWarnings()
    {
        var workDir = StorefrontProcess.NewWorkDir();

        var (exit, output) = await StorefrontProcess.RunCommandAsync(workDir, null, "ledger", "verify");

        exit.ShouldBe(0, output);
        output.ShouldContain("ledger verify: clean");
        output.ShouldNotContain("row limiting operator", Case.Insensitive, output);
        output.ShouldNotContain("warn:", Case.Sensitive, output);
    }

    // Every secret a banner prints: the two API keys and the password after each "email / password" login.
    private static List<string> Secrets(string banner) =>
        [AgencyKey().Match(banner).Value, PlatformKey().Match(banner).Value, .. Login().Matches(banner).Select(m => m.Groups[1].Value)];

    private static async Task<string> GetAsync(StorefrontProcess storefront, string path, string key, HttpStatusCode expected)
    {
        using var http = new HttpClient { DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) } };
        using var response = await http.GetAsync(storefront.BaseUrl + path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, $"GET {path} with a key starting {key[..Math.Min(14, key.Length)]}: {body}");
        return body;
    }

    [GeneratedRegex(@"\S+@\S+ / (\S+)")]
    private static partial Regex Login();

    [GeneratedRegex(@"rk_agency_[A-Za-z0-9_-]+")]
    private static partial Regex AgencyKey();

    [GeneratedRegex(@"rk_platform_[A-Za-z0-9_-]+")]
    private static partial Regex PlatformKey();

    [GeneratedRegex(@"https?://127\.0\.0\.1:\d+[^\s]*")]
    private static partial Regex Url();
}
