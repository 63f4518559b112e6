using System.Net.Http.Json;
using System.Text.Json;
using ResellerKit.Tests.Unit.Support;
using ResellerKit.Tests.Unit.Webhooks;
using static ResellerKit.Tests.Unit.Webhooks.LoopbackServer;

namespace ResellerKit.Tests.Unit.Recharges;

/// <summary>A balance below the alert level emails the client and the agency's recipients and sends <c>credit.balance_low</c>, once a day.</summary>
public sealed class LowBalanceAlertTests(WebhookApi api) : IClassFixture<WebhookApi>
{
    /// <summary>
    /// The alert is decided in the debit's own transaction, so the delivery log shows at once whether a debit raised
    /// one: the first dip alerts, later dips that day do not, and the first dip a day after the first alert does.
    /// </summary>
    [Fact]
    public async Task Usage_BelowTheAlertLevel_EmailsClientAndRecipients_AndSendsBalanceLow_OnceADay()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.ResellingSubAccountAsync(100);
        await using var receiver = await LoopbackServer.StartAsync(c => Answer(c, 200));
        await agency.SaveEndpointAsync(receiver.Url("/hooks"), "credit.balance_low");
        (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}",
            new { lowBalanceAlert = new { thresholdCredits = 30, recipients = new[] { "finance@client.example" } } }, Ct)).EnsureSuccessStatusCode();
        var client = (await agency.SubAccountAsync(subAccount)).GetProperty("email").GetString()!;
        var alerts = new List<int>();

        await agency.Client.UsageAsync(subAccount, 80);
        alerts.Add((await agency.DeliveriesAsync("credit.balance_low")).Count);
        await agency.Client.UsageAsync(subAccount, 5);
        alerts.Add((await agency.DeliveriesAsync("credit.balance_low")).Count);
        var toClient = await api.WaitForMailAsync(client, m => m.Headers["X-Email-Kind"] == "LowBalance");
        var toFinance = await api.WaitForMailAsync("finance@client.example", m => m.Headers["X-Email-Kind"] == "LowBalance");
        var first = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.ToList()), r => r.Count >= 1);
        api.Clock.Advance(TimeSpan.FromHours(23));
        await agency.Client.UsageAsync(subAccount, 1);
        alerts.Add((await agency.DeliveriesAsync("credit.balance_low")).Count);
        api.Clock.Advance(TimeSpan.FromHours(1));
        await agency.Client.UsageAsync(subAccount, 1);
        alerts.Add((await agency.DeliveriesAsync("credit.balance_low")).Count);
        var both = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.ToList()), r => r.Count >= 2);
        await Eventually.ReturnsAsync(() => Task.FromResult(LowBalanceEmailsTo(client)), n => n >= 2);

        alerts.ShouldBe([1, 1, 1, 2], "an alert at the first dip, none for the rest of that day, the next one a day later");
        toClient.TextBody!.ShouldContain("20");
        toFinance.ShouldNotBeNull();
        var data = JsonDocument.Parse(first[0].Body).RootElement.GetProperty("data");
        data.GetProperty("balance").GetInt64().ShouldBe(20);
        data.GetProperty("thresholdCredits").GetInt64().ShouldBe(30);
        both.Count.ShouldBe(2);
        JsonDocument.Parse(both[1].Body).RootElement.GetProperty("data").GetProperty("balance").GetInt64().ShouldBe(13);
        LowBalanceEmailsTo(client).ShouldBe(2);
    }

    private int LowBalanceEmailsTo(string address) => Directory.GetFiles(api.MailFolder, "*.eml").Select(File.ReadAllText)
        .Count(m => m.Contains("LowBalance", StringComparison.Ordinal) && m.Contains(address, StringComparison.OrdinalIgnoreCase));
}
