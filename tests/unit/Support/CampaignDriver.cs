using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Plans;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>Campaign steps in the API's own JSON, and switching a sub-account's Campaigns feature through its plan.</summary>
public static class CampaignDriver
{
    public static async Task<JsonElement> CreateCampaignAsync(this TestAgency agency, object body) =>
        await (await agency.Client.PostAsJsonAsync("/api/v1/campaigns", body, Ct)).ExpectAsync(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> CopyCampaignAsync(this TestAgency agency, string campaignId, string targetSubAccountId, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/campaigns/{campaignId}/copy")
        {
            Content = JsonContent.Create(new { targetSubAccountId }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return agency.Client.SendAsync(request, Ct);
    }

    /// <summary>A copy of <paramref name="templateId"/> in <paramref name="holderId"/> that follows it; its id.</summary>
    public static async Task<string> LinkedCopyAsync(this TestAgency agency, string templateId, string holderId)
    {
        var copy = await (await agency.Client.PostAsJsonAsync($"/api/v1/campaigns/{templateId}/copy", new { targetSubAccountId = holderId, linked = true }, Ct))
            .ExpectAsync(HttpStatusCode.Created);
        copy.GetProperty("templateId").GetString().ShouldBe(templateId);
        return copy.GetProperty("id").GetString()!;
    }

    public static async Task PatchCampaignAsync(this TestAgency agency, string campaignId, object body) =>
        await (await agency.Client.PatchAsJsonAsync($"/api/v1/campaigns/{campaignId}", body, Ct)).ExpectAsync(HttpStatusCode.OK);

    public static async Task<JsonElement> GetCampaignAsync(this TestAgency agency, string campaignId) =>
        await (await agency.Client.GetAsync($"/api/v1/campaigns/{campaignId}", Ct)).ExpectAsync(HttpStatusCode.OK);

    public static async Task<List<JsonElement>> ListCampaignsAsync(this TestAgency agency, string? subAccountId = null)
    {
        var page = await (await agency.Client.GetAsync($"/api/v1/campaigns{(subAccountId is null ? "" : $"?subAccountId={subAccountId}")}", Ct))
            .ExpectAsync(HttpStatusCode.OK);
        return page.GetProperty("data").EnumerateArray().ToList();
    }

    /// <summary>Puts the sub-account on a new plan of its agency with exactly <paramref name="features"/>.</summary>
    public static async Task AssignPlanAsync(this ApiFixture api, TestAgency agency, string subAccountId, Features features)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var plans = scope.ServiceProvider.GetRequiredService<ManagePlans>();
        var agencyId = AgencyId.From(Guid.Parse(agency.Id));
        var plan = (await plans.SaveAsync(agencyId, null, $"Plan {Guid.NewGuid():N}"[..20], features, Actor.System, Ct)).Value;
        (await plans.AssignAsync(Tenant.Of(agencyId), SubAccountId.From(Guid.Parse(subAccountId)), plan.Id, Features.None, Features.None, Actor.System, Ct))
            .IsSuccess.ShouldBeTrue();
    }
}
