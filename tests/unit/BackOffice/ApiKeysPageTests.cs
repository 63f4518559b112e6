using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// The API keys page: the agency's owners see the key in use by its first characters, issue a new one (shown once; the
/// old one answers 401 at once, on every node) or revoke it. Anyone else is told the page is not for them, whether
/// they open it or post one of its forms; the key never shows in the page after its one showing, the audit log or the
/// owners' email.
/// </summary>
public abstract partial class ApiKeysPageTests(ApiFixture api)
{
    private const string OwnersOnly = "Only the agency&#x27;s owners manage its API key.";

    [Fact]
    public async Task ApiKeysPage_ForTheOwner_ShowsTheKeysFirstCharactersNeverTheKey()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var (status, html) = await owner.GetAsync("/admin/api-keys");
        var page = WebUtility.HtmlDecode(html);
        var (_, settings) = await owner.GetAsync("/admin/settings");

        status.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain($"<code>{agency.ApiKey[..16]}…</code>");
        page.ShouldNotContain(agency.ApiKey);
        page.ShouldContain("href=\"/admin/api-keys?confirm=replace\"");
        page.ShouldContain("href=\"/admin/api-keys?confirm=revoke\"");
        settings.ShouldContain("href=\"/admin/api-keys\"", customMessage: "the navigation and Settings lead an owner there");
    }

    [Theory]
    [InlineData("member")]
    [InlineData("admin")]
    [InlineData("client")]
    public async Task ApiKeysPage_ForAnyoneButAnOwner_IsNotAvailableOnGetAndPost(string who)
    {
        var agency = await api.CreateAgencyAsync();
        var browser = await SignInAsync(agency, who);

        var (getStatus, page) = await browser.GetAsync("/admin/api-keys");
        var (_, confirm) = await browser.GetAsync("/admin/api-keys?confirm=replace");
        var replace = await browser.SubmitAsync("/admin/api-keys", "/admin/api-keys?confirm=replace", ("_handler", "replace-api-key"));
        var revoke = await browser.SubmitAsync("/admin/api-keys", "/admin/api-keys?confirm=revoke", ("_handler", "revoke-api-key"));
        var (_, home) = await browser.GetAsync("/admin");

        getStatus.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var html in new[] { page, confirm, await replace.Content.ReadAsStringAsync(Ct), await revoke.Content.ReadAsStringAsync(Ct) })
        {
            html.ShouldContain("<h1>Not available here</h1>");
            html.ShouldContain(OwnersOnly);
            html.ShouldNotContain(agency.ApiKey[..16]);
            html.ShouldNotContain("replace-api-key", customMessage: "no form of the page reaches someone who may not use it");
        }
        replace.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        revoke.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        home.ShouldNotContain("href=\"/admin/api-keys\"");
        (await agency.Client.GetAsync("/api/v1/agency", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the key still works");
        (await AuditAsync(agency)).ShouldNotContain(a => a.StartsWith("api_key.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IssueNewKey_FromThePage_ShowsItOnceAndTheOldKeyIs401OnEveryNode()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        await using var otherNode = api.WithWebHostBuilder(_ => { });
        var other = otherNode.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agency.ApiKey);
        (await other.GetAsync("/api/v1/agency", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK); // the other node trusts the key now

        var (_, confirm) = await owner.GetAsync("/admin/api-keys?confirm=replace");
        var issued = await owner.SubmitAsync("/admin/api-keys?confirm=replace", "/admin/api-keys?confirm=replace", ("_handler", "replace-api-key"));
        var answer = await issued.Content.ReadAsStringAsync(Ct);
        var key = NewKey().Match(answer).Value;
        var later = WebUtility.HtmlDecode((await owner.GetAsync("/admin/api-keys")).Html);
        var (_, audit) = await owner.GetAsync("/admin/audit");

        confirm.ShouldContain("Issue a new key?");
        confirm.ShouldNotContain(agency.ApiKey);
        issued.StatusCode.ShouldBe(HttpStatusCode.OK, answer);
        issued.Headers.CacheControl?.NoStore.ShouldBe(true);
        key.ShouldNotBeEmpty(answer);
        key.ShouldNotBe(agency.ApiKey);
        answer.ShouldContain("shown <strong>once</strong>");
        answer.ShouldContain("The old key stopped working now");
        await (await agency.Client.GetAsync("/api/v1/agency", Ct)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await other.GetAsync("/api/v1/agency", Ct)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        (await api.WithKey(key).GetAsync("/api/v1/agency", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        later.ShouldNotContain(key);
        later.ShouldContain($"<code>{key[..16]}…</code>");
        audit.ShouldNotContain(key);
        WebUtility.HtmlDecode(audit).ShouldContain($"issued a new API key ({key[..16]}…); the old one stopped working.");
        (await AuditAsync(agency)).ShouldAllBe(changes => !changes.Contains(key) && !changes.Contains(agency.ApiKey));
        var email = await api.WaitForMailAsync($"owner@{agency.Slug}.example", m => m.Subject == "Your API key was replaced");
        $"{email.TextBody}{email.HtmlBody}".ShouldNotContain(key);
        $"{email.TextBody}{email.HtmlBody}".ShouldNotContain(key[16..]);
        (email.TextBody ?? "").ShouldContain("The old key stopped working at once");
    }

    [Fact]
    public async Task RevokeKey_FromThePage_OldKeyIs401UntilAnOwnerIssuesANewOne()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var revoked = await owner.SubmitAsync("/admin/api-keys?confirm=revoke", "/admin/api-keys?confirm=revoke", ("_handler", "revoke-api-key"));
        var answer = WebUtility.HtmlDecode(await revoked.Content.ReadAsStringAsync(Ct));
        var oldKey = await agency.Client.GetAsync("/api/v1/agency", Ct);
        var issued = await owner.SubmitAsync("/admin/api-keys?confirm=replace", "/admin/api-keys?confirm=replace", ("_handler", "replace-api-key"));
        var key = NewKey().Match(await issued.Content.ReadAsStringAsync(Ct)).Value;

        revoked.StatusCode.ShouldBe(HttpStatusCode.OK, answer);
        answer.ShouldContain($"{agency.ApiKey[..16]}… is revoked: it stopped working now");
        answer.ShouldContain("Your agency has no API key");
        await oldKey.ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        (await api.WithKey(key).GetAsync("/api/v1/agency", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditAsync(agency, "api_key.revoked")).ShouldHaveSingleItem().ShouldNotContain(agency.ApiKey);
    }

    [Fact]
    public async Task RotateThroughTheApi_WritesTheAuditLogAndEmailsTheOwners_WithoutTheKey()
    {
        var agency = await api.CreateAgencyAsync();

        var rotated = await (await agency.Client.PostAsync("/api/v1/agency/api-keys/rotate", null, Ct)).ExpectAsync(HttpStatusCode.OK);
        var key = rotated.GetProperty("apiKey").GetString()!;

        (await AuditAsync(agency, "api_key.replaced")).ShouldHaveSingleItem().ShouldNotContain(key);
        var email = await api.WaitForMailAsync($"owner@{agency.Slug}.example", m => m.Subject == "Your API key was replaced");
        $"{email.TextBody}{email.HtmlBody}".ShouldNotContain(key);
        (await api.QueuedEmailsAsync($"owner@{agency.Slug}.example", EmailKind.ApiKeyReplaced)).ShouldBe(1);
    }

    private async Task<Browser> SignInAsync(TestAgency agency, string who)
    {
        if (who == "client")
        {
            var client = await agency.CreateClientAsync();
            return await api.SignInBackOfficeAsync(client.Email, client.Password);
        }
        var member = who == "admin"
            ? await api.AddTeamMemberAsync(agency, MembershipRole.Admin, Areas.All)
            : await api.AddTeamMemberAsync(agency, MembershipRole.Member, Areas.Settings);
        return await api.SignInBackOfficeAsync(member.Email, member.Password);
    }

    // The changes recorded for the agency's events (of one action, when given), as stored.
    private async Task<List<string>> AuditAsync(TestAgency agency, string? action = null)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var agencyId = AgencyId.From(Guid.Parse(agency.Id));
        return await db.AuditEvents.AsNoTracking().Where(e => e.AgencyId == agencyId && (action == null || e.Action == action))
            .Select(e => e.Action + " " + e.Changes).ToListAsync(Ct);
    }

    [GeneratedRegex("rk_agency_[A-Za-z0-9_-]{43}")]
    private static partial Regex NewKey();
}

public sealed class ApiKeysPageTestsOnSqlite(SqliteApi api) : ApiKeysPageTests(api), IClassFixture<SqliteApi>;

public sealed class ApiKeysPageTestsOnPostgres(PostgresApi api) : ApiKeysPageTests(api), IClassFixture<PostgresApi>;
