using System.Net;
using System.Net.Http.Json;
using System.Text;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>Headers anyone can send: each bad one answers a 4xx problem with a code, never a 500, and moves no money.</summary>
public sealed class HostileHeaderTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task KeyedUsage_TwoIdempotencyKeyHeaders_Answers400AndDebitsNothing()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sub-accounts/{subAccount}/usage")
        {
            Content = JsonContent.Create(new { credits = 10, description = "reply" }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["retry-1", "retry-2"]).ShouldBeTrue();

        var response = await agency.Client.SendAsync(request, Ct);

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await agency.PoolBalanceAsync()).ShouldBe(100);
    }

    [Fact]
    public async Task StripeWebhook_SignedBodyThatIsNotAnEvent_Answers400ValidationFailed()
    {
        const string payload = "this is not json";

        var response = await api.PostWebhookAsync(payload, api.Sign(payload));

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task StripeWebhook_ForgedSignature_AnswersAProblemWithACode()
    {
        const string payload = """{"id":"evt_forged","object":"event"}""";

        var response = await api.PostWebhookAsync(payload, api.Sign(payload, secret: "whsec_somebody_else"));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("detail").GetString()!.ShouldContain("Stripe-Signature");
    }

    [Fact]
    public async Task UpdateAgency_CustomDomainWithInvalidPunycode_Answers400()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PatchAsync("/api/v1/agency",
            new StringContent("""{"customDomain":"xn--zz.com"}""", Encoding.UTF8, "application/json"), Ct);

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
