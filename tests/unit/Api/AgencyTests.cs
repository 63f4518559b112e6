using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

public sealed class AgencyTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task CreateAgency_WithPlatformKey_ReturnsKeyAndStorefrontUrlThatWork()
    {
        var slug = "north-" + Guid.NewGuid().ToString("N")[..8];

        var response = await api.Platform().PostAsJsonAsync("/api/v1/agencies", new { name = "North Agency", slug, ownerEmail = "Owner@North.example" }, cancellationToken: Ct);

        var body = await response.ExpectAsync(HttpStatusCode.Created);
        body.GetProperty("slug").GetString().ShouldBe(slug);
        body.GetProperty("storefrontUrl").GetString().ShouldBe($"http://{slug}.resellerkit.test/");
        var key = body.GetProperty("apiKey").GetString()!;
        key.ShouldStartWith("rk_agency_");
        var agency = await (await api.WithKey(key).GetAsync("/api/v1/agency", Ct)).ExpectAsync(HttpStatusCode.OK);
        agency.GetProperty("id").GetString().ShouldBe(body.GetProperty("id").GetString());
        agency.GetProperty("poolBalance").GetInt64().ShouldBe(0);
        agency.GetProperty("ownerEmail").GetString().ShouldBe("owner@north.example");
    }

    [Fact]
    public async Task CreateAgency_OwnerEmailWithAnApostrophe_CreatesTheAgencyAndItsOwner()
    {
        var slug = "obrien-" + Guid.NewGuid().ToString("N")[..8];

        var response = await api.Platform().PostAsJsonAsync("/api/v1/agencies",
            new { name = "O'Brien Growth", slug, ownerEmail = $"o'brien@{slug}.example" }, cancellationToken: Ct);

        var body = await response.ExpectAsync(HttpStatusCode.Created);
        var agency = await (await api.WithKey(body.GetProperty("apiKey").GetString()!).GetAsync("/api/v1/agency", Ct)).ExpectAsync(HttpStatusCode.OK);
        agency.GetProperty("ownerEmail").GetString().ShouldBe($"o'brien@{slug}.example");
    }

    [Fact]
    public async Task CreateAgency_WithTakenSlug_Answers409OnTheSlugField()
    {
        var existing = await api.CreateAgencyAsync();

        var response = await api.Platform().PostAsJsonAsync("/api/v1/agencies", new { name = "Copy", slug = existing.Slug, ownerEmail = "a@b.example" }, cancellationToken: Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict, "conflict");
        problem.GetProperty("errors").TryGetProperty("slug", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("", "Valid", "a@b.example", "name")]
    [InlineData("Name", "Has Spaces", "a@b.example", "slug")]
    [InlineData("Name", "-leading", "a@b.example", "slug")]
    [InlineData("Name", "ok-slug", "not an email", "ownerEmail")]
    public async Task CreateAgency_WithInvalidField_Answers400NamingIt(string name, string slug, string ownerEmail, string field)
    {
        var response = await api.Platform().PostAsJsonAsync("/api/v1/agencies", new { name, slug, ownerEmail }, cancellationToken: Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task CreateAgency_WithAnAgencyKey_Answers403()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PostAsJsonAsync("/api/v1/agencies", new { name = "X", slug = "sneaky-one", ownerEmail = "a@b.example" }, cancellationToken: Ct);

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task RotateKey_OldKeyAnswers401AndNewKeyWorks()
    {
        var agency = await api.CreateAgencyAsync();

        var rotated = await (await agency.Client.PostAsync("/api/v1/agency/api-keys/rotate", null, Ct)).ExpectAsync(HttpStatusCode.OK);
        var newKey = rotated.GetProperty("apiKey").GetString()!;

        await (await agency.Client.GetAsync("/api/v1/agency", Ct)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        (await api.WithKey(newKey).GetAsync("/api/v1/agency", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ListAgencies_PagesBySlugWithACursor()
    {
        var prefix = "page-" + Guid.NewGuid().ToString("N")[..6];
        foreach (var n in new[] { "a", "b", "c" })
        {
            await api.CreateAgencyAsync($"{prefix}-{n}");
        }

        var slugs = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await api.Platform().GetAsync($"/api/v1/agencies?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}", Ct)).ExpectAsync(HttpStatusCode.OK);
            slugs.AddRange(page.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("slug").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);

        slugs.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)).ShouldBe([$"{prefix}-a", $"{prefix}-b", $"{prefix}-c"]);
        slugs.ShouldBeUnique();
    }

    [Fact]
    public async Task SubAccount_OfAnotherAgency_IsIndistinguishableFromAMissingOne()
    {
        var owner = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(owner, 100);
        var subAccount = await owner.CreateSubAccountAsync();

        var get = await other.Client.GetAsync($"/api/v1/sub-accounts/{subAccount}", Ct);
        var usage = await other.Client.UsageAsync(subAccount, 5);
        var missing = await other.Client.GetAsync($"/api/v1/sub-accounts/{Guid.NewGuid()}", Ct);

        var foreignBody = await get.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        var missingBody = await missing.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        foreignBody.GetProperty("detail").GetString().ShouldBe(missingBody.GetProperty("detail").GetString());
        await usage.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await owner.PoolBalanceAsync()).ShouldBe(100);
    }

    [Fact]
    public async Task CreateSubAccount_ReturnsAPasswordThatSignsTheClientIn()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PostAsJsonAsync("/api/v1/sub-accounts",
            new { name = "Pass Co", email = $"pass-{agency.Slug}@example.com", creditMode = "reselling" }, cancellationToken: Ct);

        var body = await response.ExpectAsync(HttpStatusCode.Created);
        body.GetProperty("ownership").GetString().ShouldBe("agency");
        body.GetProperty("creditMode").GetString().ShouldBe("reselling");
        var password = body.GetProperty("initialPassword").GetString()!;
        password.Length.ShouldBeGreaterThanOrEqualTo(16);
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ResellerKit.Engine.Users.User>>();
        var user = await users.FindByEmailAsync($"pass-{agency.Slug}@example.com");
        user.ShouldNotBeNull();
        (await users.CheckPasswordAsync(user, password)).ShouldBeTrue();
    }
}
