using System.Text.Json.Nodes;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>Connect in the sandbox: accounts are ready to take charges at once; onboarding links come straight back.</summary>
public static class SandboxAccountsApi
{
    public static RouteGroupBuilder MapSandboxAccounts(this RouteGroupBuilder v1)
    {
        v1.MapPost("/accounts", CreateAsync);
        v1.MapGet("/accounts/{id}", GetAsync);
        v1.MapPost("/account_links", CreateLinkAsync);
        return v1;
    }

    public static async Task<IResult> CreateAsync(HttpRequest request, SandboxStore store, EngineDbContext db, CancellationToken ct)
    {
        var form = StripeForm.Parse(await request.ReadFormAsync(ct));
        return await SandboxIdempotency.RunAsync(request, store, db, () =>
        {
            var account = new JsonObject
            {
                ["id"] = SandboxIds.New("acct"), ["object"] = "account", ["type"] = form.Text("type") ?? "standard",
                ["email"] = form.Text("email"), ["country"] = "US", ["default_currency"] = "usd",
                ["business_profile"] = new JsonObject { ["name"] = form["business_profile"]?["name"]?.GetValue<string>() },
                ["charges_enabled"] = true, ["payouts_enabled"] = true, ["details_submitted"] = true,
                ["created"] = store.Now,
            };
            store.Add("account", account);
            return Task.FromResult<(JsonObject?, IResult?)>((account, null));
        }, ct);
    }

    public static async Task<IResult> GetAsync(string id, SandboxStore store, CancellationToken ct) =>
        await store.GetAsync("account", id, ct) is { } account ? StripeJson.Object(account) : StripeJson.NotFound("account", id);

    public static async Task<IResult> CreateLinkAsync(HttpRequest request, SandboxStore store, PublicUrls urls, CancellationToken ct)
    {
        var form = StripeForm.Parse(await request.ReadFormAsync(ct));
        var account = form.Text("account");
        if (account is null || await store.GetAsync("account", account, ct) is null)
        {
            return StripeJson.Error(400, $"No such account: '{account}'", "account");
        }
        var returnUrl = form.Text("return_url") ?? urls.BaseUrl;
        return StripeJson.Object(new JsonObject
        {
            ["object"] = "account_link",
            ["url"] = $"{urls.BaseUrl}/stripe-sandbox/connect/{account}?return_url={Uri.EscapeDataString(returnUrl)}",
            ["created"] = store.Now,
            ["expires_at"] = store.Now + 300,
        });
    }
}
