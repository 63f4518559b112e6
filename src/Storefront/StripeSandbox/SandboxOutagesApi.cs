namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// Test helper: <c>POST /v1/test_helpers/outages</c> with the Stripe-Account header and <c>mode</c> = <c>refuse</c>,
/// <c>lose_answers</c> or <c>off</c> starts or ends an outage of that account's payment intents (see <see cref="SandboxOutage"/>).
/// </summary>
public static class SandboxOutagesApi
{
    public static RouteGroupBuilder MapSandboxOutages(this RouteGroupBuilder v1)
    {
        v1.MapPost("/test_helpers/outages", SetAsync);
        return v1;
    }

    public static async Task<IResult> SetAsync(HttpRequest request, SandboxOutages outages, CancellationToken ct)
    {
        var account = request.Account();
        if (account is null)
        {
            return StripeJson.NoAccount();
        }
        var mode = StripeForm.Parse(await request.ReadFormAsync(ct)).Text("mode");
        if (mode is not ("refuse" or "lose_answers" or "off"))
        {
            return StripeJson.Error(400, "mode must be refuse, lose_answers or off.", "mode");
        }
        SandboxOutage? outage = mode switch { "refuse" => SandboxOutage.Refuse, "lose_answers" => SandboxOutage.LoseAnswers, _ => null };
        outages.Set(account, outage);
        return Results.Json(new { @object = "test_helpers.outage", account, mode });
    }
}
