using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Users;
using ResellerKit.Engine.Webhooks;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// Two agencies for the isolation matrix: A, the victim, with a sub-account, a client login, a pack, a theme
/// override and a campaign its client holds, all carrying markers; B, the neighbour, whose keys and logins probe A's resources.
/// </summary>
public sealed record IsolationWorld(
    TestAgency A, TestAgency B, TestClient ClientOfA, string PackOfA, string DeliveryOfA, string WidgetSessionOfA, string CampaignOfA, string[] Markers,
    string PasswordOfB, string OwnerEmailOfB)
{
    public const string ThemeMarker = "A-THEME-SECRET-MARKER";

    public const string WebhookMarker = "A-WEBHOOK-SECRET-MARKER";

    public const string CampaignMarker = "A-CAMPAIGN-SECRET-MARKER";

    public static async Task<IsolationWorld> BuildAsync(ApiFixture api)
    {
        var a = await api.CreateAgencyAsync();
        var b = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(a, 500);
        var client = await a.CreateClientAsync("reselling", name: $"Victim Co {a.Slug}");
        await a.GrantAsync(client.SubAccountId, 50);
        var pack = await a.CreatePackAsync($"Victim Pack {a.Slug}", 100, 1_500);
        var plan = (await (await a.Client.PostAsJsonAsync("/api/v1/plans", new { name = $"Victim Plan {a.Slug}", features = new[] { "widget" } }, Ct))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetString()!;
        (await a.Client.PutAsJsonAsync("/api/v1/theme/files/snippets/victim.liquid", new { content = ThemeMarker }, Ct)).EnsureSuccessStatusCode();
        var delivery = await WebhookDeliveryAsync(api, a);
        var session = await a.Client.PostAsJsonAsync("/api/v1/widget-sessions", new { subAccountId = client.SubAccountId }, Ct);
        session.StatusCode.ShouldBe(HttpStatusCode.Created, await session.Content.ReadAsStringAsync(Ct));
        var widgetSession = (await session.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetString()!;
        var campaign = (await a.CreateCampaignAsync(new
        {
            name = $"Victim Campaign {a.Slug}",
            subAccountId = client.SubAccountId,
            settings = new { secret = CampaignMarker },
            instructions = CampaignMarker,
            faqs = new[] { new { question = CampaignMarker, answer = CampaignMarker } },
        })).GetProperty("id").GetString()!;
        var password = "Neighbour-Pass-1234";
        var ownerOfB = $"owner@{b.Slug}.example";
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var owner = await users.FindByEmailAsync(ownerOfB);
            (await users.AddPasswordAsync(owner!, password)).Succeeded.ShouldBeTrue();
        }
        return new IsolationWorld(a, b, client, pack, delivery, widgetSession, campaign,
            [client.SubAccountId, client.Email, $"Victim Co {a.Slug}", pack, $"Victim Pack {a.Slug}", ThemeMarker, WebhookMarker, delivery, widgetSession, a.Id,
                campaign, $"Victim Campaign {a.Slug}", CampaignMarker, plan, $"Victim Plan {a.Slug}"],
            password, ownerOfB);
    }

    /// <summary>
    /// A webhook message for A, written the way the engine writes one. The endpoint's host does not resolve, so the
    /// delivery fails quietly in the background and never leaves the machine.
    /// </summary>
    private static async Task<string> WebhookDeliveryAsync(ApiFixture api, TestAgency a)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var agencyId = AgencyId.From(Guid.Parse(a.Id));
        db.WebhookEndpoints.Add(WebhookEndpoint.Create(agencyId, $"https://{WebhookMarker.ToLowerInvariant()}.invalid/hook", WebhookEventTypes.All, "unused", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(Ct);
        var message = await scope.ServiceProvider.GetRequiredService<WebhookEvents>()
            .PublishAsync(agencyId, WebhookEventTypes.All.First(), new { marker = WebhookMarker }, Ct);
        await db.SaveChangesAsync(Ct);
        return message!.Id.ToString();
    }

    /// <summary>Signs into the back office with the login form, as a person would.</summary>
    public static async Task<Browser> SignInBackOfficeAsync(ApiFixture api, string email, string password)
    {
        var browser = Browser.Open(api);
        var response = await browser.SubmitAsync("/admin/login", "/admin/login", ("_handler", "login"), ("Input.Email", email), ("Input.Password", password));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        return browser;
    }
}
