using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Journeys;

/// <summary>
/// Issue 9's recharge journey in Chromium: the agency switches on auto-recharge for a reselling client on the
/// sub-account page; usage over the API drops the balance below the threshold, the client's card saved by its first
/// purchase is charged in the Stripe sandbox, and the recharge log shows the grant.
/// </summary>
[Collection(nameof(DemoCollection))]
public sealed class RechargeJourneyTests(DemoStorefront demo, Chromium chromium) : IDisposable
{
    private readonly DemoJourney journey = new(demo, chromium);

    [Fact]
    public async Task Agency_TurnsOnAutoRecharge_UsageDropsTheBalance_AndTheLogShowsTheStripeRechargeGranted()
    {
        var client = await journey.NewClientAsync("Recharge Dental");
        await journey.BuyAsync(client.Id, await journey.PackIdAsync("Starter"), 100, "issue9-recharge-first-purchase");
        var agency = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));
        await agency.GotoAsync(journey.Url("/admin/sub-accounts"));
        await agency.GetByRole(AriaRole.Link, new() { Name = client.Name }).ClickAsync();

        var form = agency.GetByRole(AriaRole.Region, new() { Name = "Auto-recharge" });
        await form.GetByLabel("Recharge automatically").CheckAsync();
        await form.GetByLabel("Who takes the payment").SelectOptionAsync(new SelectOptionValue { Label = "Stripe: the client's saved card" });
        await form.GetByLabel("When the balance falls below (credits)").FillAsync("50");
        await form.GetByLabel("Top up to (credits)").FillAsync("300");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save auto-recharge" }).ClickAsync();
        await Assertions.Expect(agency.GetByRole(AriaRole.Status)).ToContainTextAsync("Auto-recharge saved and on.");
        await Assertions.Expect(form.GetByRole(AriaRole.Definition).First).ToHaveTextAsync("On: below 50, up to 300");
        await Assertions.Expect(agency.GetByRole(AriaRole.Region, new() { Name = "Settings", Exact = true }).GetByLabel("Credits", new() { Exact = true }))
            .ToHaveValueAsync("Reselling");
        await Assertions.Expect(agency.GetByRole(AriaRole.Region, new() { Name = "Recharge log" })).ToContainTextAsync("No recharges yet.");

        await journey.UseAsync(client.Id, 70, "recall-reminders");
        (await journey.BalanceWhenAsync(client.Id, b => b == 300)).ShouldBe(300, "the recharge tops the balance of 30 up to the target");

        await agency.GotoAsync(agency.Url); // a reload would post the form again
        var recharge = agency.GetByRole(AriaRole.Table, new() { Name = "Recharges" }).GetByRole(AriaRole.Row).Nth(1);
        await Assertions.Expect(recharge).ToContainTextAsync("270 credits via stripe");
        await Assertions.Expect(recharge).ToContainTextAsync("balance 30, below 50, up to 300");
        await Assertions.Expect(recharge.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("granted");
        await Assertions.Expect(recharge.GetByRole(AriaRole.Cell).Nth(4)).ToContainTextAsync("270 credits at");
        await Assertions.Expect(agency.GetByRole(AriaRole.Table, new() { Name = "Recharges" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Chromium.ScreenshotAsync(agency, "issue9-recharge-log");
    }

    public void Dispose() => journey.Dispose();
}
