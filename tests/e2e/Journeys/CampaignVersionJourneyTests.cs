using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Journeys;

/// <summary>
/// Issue 17, campaign templates with versions in Chromium: the demo agency creates a template, makes linked copies for
/// two clients, one client's copy is edited locally and the template changes; Push updates one copy and skips the
/// edited one, Force push (confirmed) brings both to the template's version; then a copy is rolled back to its own
/// edit and shows it again. Screenshots: artifacts/screenshots/issue17-campaign-*.png at 1280 and 375 px.
/// </summary>
[Collection(nameof(DemoCollection))]
public sealed class CampaignVersionJourneyTests(DemoStorefront demo, Chromium chromium) : IDisposable
{
    private readonly DemoJourney journey = new(demo, chromium);

    [Fact]
    public async Task Template_PushedToTwoClientsThenForcedThenACopyRolledBack_ShowsEachStepInWords()
    {
        var name = $"Spring launch {Guid.NewGuid().ToString("N")[..6]}";
        var bakery = await journey.NewClientAsync("Bakery");
        var dental = await journey.NewClientAsync("Dental");
        var page = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));

        await page.GotoAsync(journey.Url("/admin/campaigns"));
        await page.Locator("#c-name").FillAsync(name);
        await page.Locator("#c-instructions").FillAsync("Be brief.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Campaign {name} created.");
        foreach (var client in new[] { bakery, dental })
        {
            var row = TemplateRow(page, name);
            await row.GetByLabel($"Copy {name} to").SelectOptionAsync(new SelectOptionValue { Label = client.Name });
            await row.GetByLabel($"Linked copy of {name}").CheckAsync();
            await row.GetByRole(AriaRole.Button, new() { Name = $"Copy {name}" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Linked copy made.");
        }

        // The client's app edits its copy, and the agency's app changes the template (both through the API, as the host SaaS does).
        var dentalCopy = await CopyOfAsync(dental.Id);
        await journey.Agency.SendAsync(HttpMethod.Patch, $"/api/v1/campaigns/{dentalCopy}", new { instructions = "Our own words." });
        var template = await TemplateIdFromLinkAsync(page, name);
        await journey.Agency.SendAsync(HttpMethod.Patch, $"/api/v1/campaigns/{template}", new { instructions = "Be brief and kind." });

        await TemplateRow(page, name).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        var copies = page.GetByRole(AriaRole.Table, new() { Name = "Linked copies" });
        await Assertions.Expect(RowOf(copies, bakery.Name)).ToContainTextAsync("In step with version 1");
        await Assertions.Expect(RowOf(copies, dental.Name)).ToContainTextAsync("Edited locally");
        await Chromium.ScreenshotsAsync(page, "issue17-campaign-template");

        await page.GetByRole(AriaRole.Button, new() { Name = "Push latest version" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            $"Updated 1 copy: {bakery.Name}. Skipped 1 because it was edited locally: {dental.Name}.");
        await Assertions.Expect(RowOf(copies, bakery.Name)).ToContainTextAsync("In step with version 2");
        await Assertions.Expect(RowOf(copies, dental.Name)).ToContainTextAsync("Edited locally");
        await Chromium.ScreenshotsAsync(page, "issue17-campaign-pushed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Force push (overwrite local edits)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Tick the box to confirm that the local edits will be overwritten. Nothing was pushed.");
        await Chromium.ScreenshotsAsync(page, "issue17-campaign-force-unconfirmed");
        await page.GetByLabel("Yes, overwrite the local edits in 1 copy").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Force push (overwrite local edits)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            $"Updated 1 copy: {dental.Name}. Skipped 1 because it is already up to date: {bakery.Name}.");
        await Assertions.Expect(RowOf(copies, bakery.Name)).ToContainTextAsync("In step with version 2");
        await Assertions.Expect(RowOf(copies, dental.Name)).ToContainTextAsync("In step with version 2");
        await Chromium.ScreenshotsAsync(page, "issue17-campaign-forced");

        await RowOf(copies, dental.Name).GetByRole(AriaRole.Link).ClickAsync();
        var forced = page.GetByRole(AriaRole.Group, new() { Name = "Instructions in version 3" });
        await Assertions.Expect(forced.Locator(".change-old")).ToHaveTextAsync("BeforeOur own words.");
        await Assertions.Expect(forced.Locator(".change-new")).ToHaveTextAsync("AfterBe brief and kind.");
        await Chromium.ScreenshotsAsync(page, "issue17-campaign-copy-history");
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back to this version: version 2" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Rolled back to version 2: it is now version 4.");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Content of version 4" })).ToContainTextAsync("Our own words.");
        await Assertions.Expect(page.GetByText("Edited locally since: a push skips this copy unless forced.")).ToBeVisibleAsync();
        await Chromium.ScreenshotsAsync(page, "issue17-campaign-rolled-back");
        await page.Context.CloseAsync();

        var copy = await journey.Agency.SendAsync(HttpMethod.Get, $"/api/v1/campaigns/{dentalCopy}");
        copy.GetProperty("instructions").GetString().ShouldBe("Our own words.");
        copy.GetProperty("version").GetInt32().ShouldBe(4);
    }

    // The template's row: the agency's own, among its copies of the same name.
    private static ILocator TemplateRow(IPage page, string name) =>
        page.GetByRole(AriaRole.Table, new() { Name = "Campaigns" }).GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) })
            .Filter(new() { HasText = "Your agency" });

    private static ILocator RowOf(ILocator table, string subAccount) => table.GetByRole(AriaRole.Row).Filter(new() { HasText = subAccount });

    private static async Task<string> TemplateIdFromLinkAsync(IPage page, string name)
    {
        var href = await TemplateRow(page, name).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).GetAttributeAsync("href");
        return href!["/admin/campaigns/".Length..];
    }

    private async Task<string> CopyOfAsync(string subAccountId)
    {
        var list = await journey.Agency.SendAsync(HttpMethod.Get, $"/api/v1/campaigns?subAccountId={subAccountId}");
        return list.GetProperty("data").EnumerateArray().Single().GetProperty("id").GetString()!;
    }

    public void Dispose() => journey.Dispose();
}
