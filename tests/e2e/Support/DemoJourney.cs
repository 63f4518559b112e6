using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>
/// What the journeys on the demo agency do again and again: sign in (back office or storefront), pay on the Stripe
/// sandbox's checkout page, and set things up over the API with the agency key the banner printed.
/// </summary>
public sealed class DemoJourney(DemoStorefront demo, Chromium chromium) : IDisposable
{
    public const string Owner = "owner@brightside.example";
    public const string Client = "hello@bluebird-dental.example";

    private static readonly ConcurrentDictionary<string, string> Sessions = new(StringComparer.Ordinal);

    public StorefrontApi Agency { get; } = new(demo.BaseUrl, demo.AgencyKey);

    public string Url(string path) => demo.BaseUrl + path;

    /// <summary>A page of the demo storefront, on its own origin.</summary>
    public string ShopUrl(string path) => demo.ShopUrl + path;

    /// <summary>
    /// Signs in at /admin/login and lands on the dashboard, in a fresh browser profile. A user who signed in before in
    /// this run comes back with the cookies of that sign-in: the app allows ten sign-ins a minute from one address.
    /// </summary>
    public Task<IPage> SignInToBackOfficeAsync(string email, string password) =>
        SignInAsync(Url("/admin/login"), Url("/admin"), email, password, async page =>
        {
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        });

    /// <summary>Signs in on the demo storefront with a password and lands on the account page.</summary>
    public Task<IPage> SignInToShopAsync(string email, string password) =>
        SignInAsync(ShopUrl("/sign-in"), ShopUrl("/account"), email, password, async page =>
        {
            var form = page.GetByRole(AriaRole.Region, new() { Name = "With your password" });
            await form.GetByRole(AriaRole.Textbox, new() { Name = "Email" }).FillAsync(email);
            await form.GetByRole(AriaRole.Textbox, new() { Name = "Password" }).FillAsync(password);
            await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        });

    private async Task<IPage> SignInAsync(string signInUrl, string home, string email, string password, Func<IPage, Task> fill)
    {
        var key = $"{signInUrl} {email} {password}";
        var page = await chromium.NewPageAsync(Sessions.GetValueOrDefault(key));
        if (Sessions.ContainsKey(key))
        {
            await page.GotoAsync(home);
            if (page.Url == home && await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync() == 1)
            {
                return page;
            }
        }
        await page.GotoAsync(signInUrl);
        await fill(page);
        await Assertions.Expect(page).ToHaveURLAsync(home);
        Sessions[key] = await page.Context.StorageStateAsync();
        return page;
    }

    /// <summary>Pays on the sandbox's hosted checkout page with the default test card; the page then leaves for the return URL.</summary>
    public static async Task PayAsync(IPage checkout, string screenshot)
    {
        await Assertions.Expect(checkout.GetByRole(AriaRole.Heading, new() { Name = "Pay Brightside Digital" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(checkout, screenshot);
        await checkout.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
    }

    /// <summary>A pack only this test sells: its credits make its receipt and its purchase row recognisable.</summary>
    public async Task<(string Id, string Name, long Credits)> NewPackAsync()
    {
        var name = "Journey " + Guid.NewGuid().ToString("N")[..6];
        var credits = Random.Shared.Next(101, 999);
        var pack = await Agency.SendAsync(HttpMethod.Post, "/api/v1/packs", new { name, credits, unitAmount = credits * 10, currency = "usd" });
        return (pack.GetProperty("id").GetString()!, name, credits);
    }

    /// <summary>A new reselling client, with the one-time password the API shows.</summary>
    public async Task<(string Id, string Name, string Email, string Password)> NewClientAsync(string prefix)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var name = $"{prefix} {tag}";
        var email = $"{prefix.ToLowerInvariant().Replace(' ', '-')}-{tag}@example.com";
        var created = await Agency.SendAsync(HttpMethod.Post, "/api/v1/sub-accounts", new { name, email, creditMode = "reselling" });
        return (created.GetProperty("id").GetString()!, name, email, created.GetProperty("initialPassword").GetString()!);
    }

    /// <summary>The client buys a pack through a checkout the agency's server opened, paying on the sandbox's page in Chromium.</summary>
    public async Task BuyAsync(string subAccountId, string packId, long expectedBalance, string screenshot)
    {
        var session = await Agency.SendAsync(HttpMethod.Post, $"/api/v1/sub-accounts/{subAccountId}/checkout-sessions", new { packId });
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(session.GetProperty("url").GetString()!);
        await PayAsync(page, screenshot);
        (await BalanceWhenAsync(subAccountId, b => b == expectedBalance)).ShouldBe(expectedBalance);
        await page.Context.CloseAsync();
    }

    public async Task<string> PackIdAsync(string name)
    {
        var packs = await Agency.SendAsync(HttpMethod.Get, "/api/v1/packs");
        return Items(packs).Single(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }

    public async Task<string> SubAccountIdAsync(string email)
    {
        var accounts = await Agency.SendAsync(HttpMethod.Get, "/api/v1/sub-accounts?limit=100");
        return Items(accounts).Single(a => a.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;
    }

    public async Task<long> BalanceAsync(string subAccountId) =>
        (await Agency.SendAsync(HttpMethod.Get, $"/api/v1/sub-accounts/{subAccountId}/balance")).GetProperty("balance").GetInt64();

    /// <summary>Waits for what the webhook or a recharge does in the background to reach the balance.</summary>
    public Task<long> BalanceWhenAsync(string subAccountId, Func<long, bool> done) =>
        Poll.UntilAsync(() => BalanceAsync(subAccountId), done, TimeSpan.FromSeconds(60));

    public async Task UseAsync(string subAccountId, long credits, string campaign) =>
        await Agency.SendAsync(HttpMethod.Post, $"/api/v1/sub-accounts/{subAccountId}/usage", new { credits, description = "AI replies", campaignId = campaign });

    /// <summary>Credits as the storefront, the widget and the back office print them (en-US).</summary>
    public static string Credits(long credits) => credits.ToString("N0", CultureInfo.GetCultureInfo("en-US"));

    private static IEnumerable<JsonElement> Items(JsonElement list) =>
        (list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("data")).EnumerateArray();

    public void Dispose() => Agency.Dispose();
}
