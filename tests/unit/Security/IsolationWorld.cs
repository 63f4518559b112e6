using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// Two agencies for the isolation matrix: A, the victim, with a sub-account, a client login, a pack, a theme
/// override and a campaign its client holds, all carrying markers; B, the neighbour, whose keys and logins probe A's resources.
/// </summary>
public sealed record IsolationWorld(
    TestAgency A, TestAgency B, TestClient ClientOfA, string PackOfA, string CampaignOfA, string[] Markers, string PasswordOfB, string OwnerEmailOfB)
{
    public const string ThemeMarker = "A-THEME-SECRET-MARKER";

    public const string CampaignMarker = "A-CAMPAIGN-SECRET-MARKER";

    public static async Task<IsolationWorld> BuildAsync(ApiFixture api)
    {
        var a = await api.CreateAgencyAsync();
        var b = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(a, 500);
        var client = await a.CreateClientAsync("reselling", name: $"Victim Co {a.Slug}");
        await a.GrantAsync(client.SubAccountId, 50);
        var pack = await a.CreatePackAsync($"Victim Pack {a.Slug}", 100, 1_500);
        (await a.Client.PutAsJsonAsync("/api/v1/theme/files/snippets/victim.liquid", new { content = ThemeMarker }, Ct)).EnsureSuccessStatusCode();
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
        return new IsolationWorld(a, b, client, pack, campaign,
            [client.SubAccountId, client.Email, $"Victim Co {a.Slug}", pack, $"Victim Pack {a.Slug}", ThemeMarker, a.Id, campaign, $"Victim Campaign {a.Slug}", CampaignMarker],
            password, ownerOfB);
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
