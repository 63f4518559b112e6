using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;
using static ResellerKit.Tests.Unit.Webhooks.LoopbackServer;

namespace ResellerKit.Tests.Unit.Webhooks;

/// <summary>
/// An agency's webhook endpoint through the API, against a real Kestrel receiver on 127.0.0.1: retries keep the webhook id,
/// a 410 disables the endpoint, a rotated secret signs with both, a delivery can be sent again, private addresses are
/// refused, and another agency's deliveries do not exist.
/// </summary>
public sealed class AgencyWebhookEndpointTests(WebhookApi api) : IClassFixture<WebhookApi>
{
    [Fact]
    public async Task Delivery_After500ThreeTimes_SucceedsOnTheFourthWithTheSameWebhookId()
    {
        var agency = await api.CreateAgencyAsync();
        var calls = 0;
        await using var receiver = await LoopbackServer.StartAsync(c => Answer(c, Interlocked.Increment(ref calls) <= 3 ? 500 : 200));
        await agency.SaveEndpointAsync(receiver.Url("/hooks"), "sub_account.created");

        await agency.CreateSubAccountAsync("reselling");
        var delivered = await Eventually.ReturnsAsync(() => agency.DeliveriesAsync(), d => d.Count == 1 && d[0].GetProperty("state").GetString() == "delivered");

        receiver.Received.Count.ShouldBe(4);
        receiver.Received.Select(r => r.Headers["webhook-id"]).Distinct().Count().ShouldBe(1);
        var attempts = delivered[0].GetProperty("attempts").EnumerateArray().ToList();
        attempts.Select(a => a.GetProperty("statusCode").GetInt32()).ShouldBe([500, 500, 500, 200]);
        attempts.ShouldAllBe(a => a.GetProperty("durationMs").GetInt32() >= 0);
    }

    [Fact]
    public async Task Delivery_Answered410_DisablesTheEndpoint()
    {
        var agency = await api.CreateAgencyAsync();
        await using var receiver = await LoopbackServer.StartAsync(c => Answer(c, 410));
        await agency.SaveEndpointAsync(receiver.Url("/hooks"), "sub_account.created");

        await agency.CreateSubAccountAsync("reselling");
        await Eventually.ReturnsAsync(() => agency.DeliveriesAsync(), d => d.Count == 1 && d[0].GetProperty("state").GetString() == "failed");
        await agency.CreateSubAccountAsync("reselling");
        var endpoint = await (await agency.Client.GetAsync("/api/v1/webhook-endpoint", Ct)).ExpectAsync(HttpStatusCode.OK);

        endpoint.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        receiver.Received.Count.ShouldBe(1);
        (await agency.DeliveriesAsync()).Count.ShouldBe(1, "a disabled endpoint gets no new events");
    }

    [Fact]
    public async Task Secret_AfterRotation_SignsWithBothSecrets()
    {
        var agency = await api.CreateAgencyAsync();
        await using var receiver = await LoopbackServer.StartAsync(c => Answer(c, 200));
        var old = await agency.SaveEndpointAsync(receiver.Url("/hooks"), "sub_account.created");

        var rotated = await (await agency.Client.PostAsync("/api/v1/webhook-endpoint/secret/rotate", null, Ct)).ExpectAsync(HttpStatusCode.OK);
        await agency.CreateSubAccountAsync("reselling");
        var received = (await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.ToList()), r => r.Count >= 1)).Single();

        var fresh = rotated.GetProperty("secret").GetString()!;
        fresh.ShouldNotBe(old);
        foreach (var secret in new[] { old, fresh })
        {
            IndependentVerifier.Verifies(secret, received.Headers["webhook-id"], received.Headers["webhook-timestamp"], received.Body,
                received.Headers["webhook-signature"]).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Redeliver_ADeliveredMessage_SendsItAgainWithTheSameWebhookId()
    {
        var agency = await api.CreateAgencyAsync();
        await using var receiver = await LoopbackServer.StartAsync(c => Answer(c, 200));
        await agency.SaveEndpointAsync(receiver.Url("/hooks"), "sub_account.created");
        await agency.CreateSubAccountAsync("reselling");
        var delivery = (await Eventually.ReturnsAsync(() => agency.DeliveriesAsync(), d => d.Count == 1 && d[0].GetProperty("state").GetString() == "delivered")).Single();

        var accepted = await agency.Client.PostAsync($"/api/v1/webhook-deliveries/{delivery.GetProperty("id").GetString()}/redeliver", null, Ct);
        await accepted.ExpectAsync(HttpStatusCode.Accepted);
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.Count), n => n == 2);

        receiver.Received.Count.ShouldBe(2);
        receiver.Received.Select(r => r.Headers["webhook-id"]).Distinct().Single().ShouldBe(delivery.GetProperty("webhookId").GetString());
    }

    [Fact]
    public async Task Endpoint_ToAPrivateAddress_Answers422UrlNotAllowed()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PutAsJsonAsync("/api/v1/webhook-endpoint",
            new { url = "http://169.254.169.254/latest/meta-data", events = new[] { "credit.purchased" } }, Ct);

        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "url_not_allowed");
    }

    [Fact]
    public async Task Deliveries_OfAnotherAgency_Answer404()
    {
        var owner = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        await using var receiver = await LoopbackServer.StartAsync(c => Answer(c, 200));
        await owner.SaveEndpointAsync(receiver.Url("/hooks"), "sub_account.created");
        await owner.CreateSubAccountAsync("reselling");
        var id = (await Eventually.ReturnsAsync(() => owner.DeliveriesAsync(), d => d.Count == 1)).Single().GetProperty("id").GetString();

        await (await other.Client.GetAsync($"/api/v1/webhook-deliveries/{id}", Ct)).ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await other.Client.PostAsync($"/api/v1/webhook-deliveries/{id}/redeliver", null, Ct)).ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await other.DeliveriesAsync()).ShouldBeEmpty();
    }
}
