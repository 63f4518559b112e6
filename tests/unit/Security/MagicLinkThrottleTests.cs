using System.Net;
using ResellerKit.Engine.Notifications;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>Issue 13, item 7: sign-in emails to one address are throttled per account, whatever the path's spelling.</summary>
public sealed class MagicLinkThrottleTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task MagicLink_ToAThrottledAddress_SendsNoMoreEmails()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        var storefront = Browser.Storefront(api, agency.Slug);

        var answers = new List<HttpStatusCode>();
        foreach (var path in new[] { "/magic-link", "/magic-link/", "/Magic-Link", "/MAGIC-LINK/", "/magic-link" })
        {
            answers.Add((await storefront.SubmitAsync("/sign-in", path, ("email", client.Email.ToUpperInvariant()))).StatusCode);
        }

        answers.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
        (await api.QueuedEmailsAsync(client.Email, EmailKind.MagicLink)).ShouldBe(3);
    }
}
