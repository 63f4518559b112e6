using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ResellerKit.Storefront.StripeSandbox;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>Auto-recharge and the low-balance alert on the sub-account page, saved through the Engine's UpdateSubAccount, and the recharge log.</summary>
public sealed class AutoRechargePageTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task AutoRechargeForm_SavesTheSettings_AsTheApiReadsThem()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.ResellingSubAccountAsync(100);
        var browser = await api.SignInOwnerAsync(agency);

        var html = await SaveAutoRechargeAsync(browser, client, ("Input.Enabled", "true"), ("Input.Provider", "Webhook"),
            ("Input.ThresholdCredits", "50"), ("Input.TargetCredits", "200"), ("Input.MonthlySpendCap", ""), ("Input.MaxPerDay", "3"));

        html.ShouldContain("Auto-recharge saved and on.");
        html.ShouldContain("On: below 50, up to 200");
        var settings = (await agency.SubAccountAsync(client)).GetProperty("autoRecharge");
        settings.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        settings.GetProperty("provider").GetString().ShouldBe("webhook");
        settings.GetProperty("thresholdCredits").GetInt64().ShouldBe(50);
        settings.GetProperty("targetCredits").GetInt64().ShouldBe(200);
        settings.GetProperty("maxPerDay").GetInt32().ShouldBe(3);
        settings.GetProperty("monthlySpendCap").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task AutoRechargeForm_WithATargetBelowTheThreshold_ShowsTheFieldErrorAndSavesNothing()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.ResellingSubAccountAsync(100);
        var browser = await api.SignInOwnerAsync(agency);

        var html = await SaveAutoRechargeAsync(browser, client, ("Input.Enabled", "true"), ("Input.Provider", "Stripe"),
            ("Input.ThresholdCredits", "50"), ("Input.TargetCredits", "40"));

        html.ShouldContain("id=\"autoRecharge.targetCredits-error\"");
        html.ShouldContain("The top-up target must be more than the top-up threshold");
        html.ShouldNotContain("targetCredits must");
        html.ShouldNotContain("Auto-recharge saved");
        (await agency.SubAccountAsync(client)).GetProperty("autoRecharge").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task AutoRechargeForm_ForAClientInSharedMode_IsRefusedWithTheReason()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateSubAccountAsync("shared");
        var browser = await api.SignInOwnerAsync(agency);

        var html = await SaveAutoRechargeAsync(browser, client, ("Input.Enabled", "true"), ("Input.Provider", "Stripe"),
            ("Input.ThresholdCredits", "50"), ("Input.TargetCredits", "200"));

        html.ShouldContain("id=\"autoRecharge-error\"");
        html.ShouldContain("Auto-recharge needs reselling mode: in shared mode the sub-account has no balance of its own.");
        (await agency.SubAccountAsync(client)).GetProperty("autoRecharge").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task AutoRechargeForm_WhenPausedByDeclinedCards_ShowsWhy_AndSavingResumesIt()
    {
        var (agency, client) = await api.ClientWhoBoughtWithAsync(TestCard.DeclinesOffSession);
        await agency.AutoRechargeAsync(client, "stripe", threshold: 50, target: 200);
        for (var failures = 1; failures <= 3; failures++)
        {
            await agency.Client.UsageAsync(client, failures == 1 ? 60 : 1);
            await agency.WaitForRechargesAsync(client, r => r.Count == failures && r.All(x => x.GetProperty("state").GetString() == "failed"));
        }
        await Eventually.ReturnsAsync(() => agency.SubAccountAsync(client),
            s => s.GetProperty("autoRecharge").GetProperty("pausedAt").ValueKind == JsonValueKind.String);
        var browser = await api.SignInOwnerAsync(agency);

        var (_, paused) = await browser.GetAsync($"/admin/sub-accounts/{client}");
        var resumed = await SaveAutoRechargeAsync(browser, client, ("Input.Enabled", "true"), ("Input.Provider", "Stripe"),
            ("Input.ThresholdCredits", "50"), ("Input.TargetCredits", "200"));

        paused.ShouldContain("Paused since");
        paused.ShouldContain("3 of 3");
        paused.ShouldContain("Save and resume auto-recharge");
        paused.ShouldContain("card_declined");
        resumed.ShouldContain("Auto-recharge saved and on.");
        var settings = (await agency.SubAccountAsync(client)).GetProperty("autoRecharge");
        settings.GetProperty("pausedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        settings.GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task AutoRechargeForm_Saved_LeavesTheOtherFormsShowingTheAccountAsItIs()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.ResellingSubAccountAsync(100);
        var name = (await agency.SubAccountAsync(client)).GetProperty("name").GetString()!;
        var browser = await api.SignInOwnerAsync(agency);

        var html = WebUtility.HtmlDecode(await SaveAutoRechargeAsync(browser, client, ("Input.Enabled", "true"), ("Input.Provider", "Webhook"),
            ("Input.ThresholdCredits", "50"), ("Input.TargetCredits", "200")));

        html.ShouldContain("Auto-recharge saved and on.");
        Regex.Match(html, "<input[^>]*id=\"s-name\"[^>]*>").Value.ShouldContain($"value=\"{name}\"", customMessage: "saving one form must not blank the settings form");
        Regex.Match(html, "<select[^>]*id=\"s-mode\"[^>]*>.*?</select>", RegexOptions.Singleline).Value.ShouldContain("value=\"Reselling\" selected");
        Regex.IsMatch(html, "<input[^>]*name=\"ReportsInput.Usage\"[^>]*checked").ShouldBeTrue("the client's report picks are kept");
    }

    [Fact]
    public async Task RechargeLog_ShowsTheRequestItsStateAndWhyItCouldNotBeSent()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.ResellingSubAccountAsync(100);
        await agency.AutoRechargeAsync(client, "webhook", threshold: 50, target: 200);
        await agency.Client.UsageAsync(client, 60);
        var recharge = (await agency.RechargesAsync(client)).Single().GetProperty("id").GetString();
        var browser = await api.SignInOwnerAsync(agency);

        var (_, html) = await browser.GetAsync($"/admin/sub-accounts/{client}");

        html.ShouldContain($"<tr id=\"recharge-{recharge}\">");
        html.ShouldContain("160 credits via webhook");
        html.ShouldContain("no_endpoint");
        html.ShouldContain($"href=\"#recharge-{recharge}\"", customMessage: "the status links to the open recharge");
        html.ShouldContain("does not take <code>credit.recharge_requested</code>");
    }

    [Fact]
    public async Task LowBalanceForm_SavesTheLevelAndRecipients_AndRefusesABadAddress()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.ResellingSubAccountAsync(100);
        var browser = await api.SignInOwnerAsync(agency);

        var saved = await SaveAlertAsync(browser, client, "30", "finance@client.example\nBoss@Client.example");
        var refused = await SaveAlertAsync(browser, client, "10", "not-an-address");

        saved.ShouldContain("Low-balance alert saved.");
        refused.ShouldContain("Every recipient must be a valid email address.");
        var alert = (await agency.SubAccountAsync(client)).GetProperty("lowBalanceAlert");
        alert.GetProperty("thresholdCredits").GetInt64().ShouldBe(30);
        alert.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()).ShouldBe(["finance@client.example", "boss@client.example"]);
    }

    [Fact]
    public async Task AutoRechargeForm_ProviderThatIsNoProvider_IsRefusedInWordsAndNothingIsSaved()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.ResellingSubAccountAsync(100);
        var browser = await api.SignInOwnerAsync(agency);

        var html = WebUtility.HtmlDecode(await SaveAutoRechargeAsync(browser, client, ("Input.Enabled", "true"), ("Input.Provider", "2"),
            ("Input.ThresholdCredits", "50"), ("Input.TargetCredits", "200"), ("Input.MonthlySpendCap", ""), ("Input.MaxPerDay", "3")));

        html.ShouldNotContain("Auto-recharge saved");
        html.ShouldContain("stripe");
        (await agency.SubAccountAsync(client)).GetProperty("autoRecharge").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task SettingsForm_ModeThatIsNoMode_IsRefusedAndTheModeStays()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.ResellingSubAccountAsync(100);
        var browser = await api.SignInOwnerAsync(agency);
        var page = $"/admin/sub-accounts/{client}";

        var response = await browser.SubmitAsync(page, page, ("_handler", "sub-account-settings"),
            ("Settings.Name", "Renamed"), ("Settings.Mode", "7"), ("Settings.Cap", ""), ("Settings.Paused", "false"));

        ((int)response.StatusCode).ShouldBeLessThan(500);
        var account = await agency.SubAccountAsync(client);
        account.GetProperty("creditMode").GetString().ShouldBe("reselling");
        account.GetProperty("name").GetString().ShouldNotBe("Renamed");
    }

    private static async Task<string> SaveAutoRechargeAsync(Browser browser, string client, params (string, string)[] fields)
    {
        var page = $"/admin/sub-accounts/{client}";
        var response = await browser.SubmitAsync(page, page, [("_handler", "auto-recharge"), .. fields]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static async Task<string> SaveAlertAsync(Browser browser, string client, string threshold, string recipients)
    {
        var page = $"/admin/sub-accounts/{client}";
        var response = await browser.SubmitAsync(page, page, ("_handler", "low-balance-alert"),
            ("Input.ThresholdCredits", threshold), ("Input.Recipients", recipients));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }
}
