using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>The steps of ownership transfer tests: hand an account over, read the emailed link, accept it as the client.</summary>
public static partial class OwnershipDriver
{
    public static Task<HttpResponseMessage> OfferOwnershipAsync(this TestAgency agency, string subAccountId) =>
        agency.Client.PostAsJsonAsync($"/api/v1/sub-accounts/{subAccountId}/ownership-transfer", new { }, Ct);

    /// <summary>The accept link of the newest transfer email to the client, as a path on the platform host.</summary>
    public static Task<string> TransferLinkAsync(this ApiFixture api, TestClient client, int nth = 1) =>
        api.MailedLinkAsync(client.Email, AcceptLink(), nth);

    /// <summary>The link of the newest connection request email to this address, as a path on the platform host.</summary>
    public static Task<string> ConnectionLinkAsync(this ApiFixture api, string email) => api.MailedLinkAsync(email, RespondLink(), 1);

    /// <summary>The newest link matching the pattern in the emails to this address (once at least <paramref name="nth"/> arrived).</summary>
    private static async Task<string> MailedLinkAsync(this ApiFixture api, string address, Regex pattern, int nth)
    {
        var links = new List<string>();
        await Eventually.ReturnsAsync(async () =>
        {
            links.Clear();
            foreach (var file in Directory.GetFiles(api.MailFolder, "*.eml").OrderBy(File.GetCreationTimeUtc))
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file, Ct);
                if (message.To.Mailboxes.Any(m => m.Address == address) && pattern.Match(message.TextBody ?? "") is { Success: true } m)
                {
                    links.Add(m.Value);
                }
            }
            return links.Count;
        }, count => count >= nth);
        links.Count.ShouldBeGreaterThanOrEqualTo(nth, $"No email with such a link reached {address}.");
        return new Uri(links.Distinct().Last()).PathAndQuery;
    }

    /// <summary>
    /// Signs the client in to the back office and accepts from the link's page, as a person would, choosing a password
    /// of its own (<see cref="OwnPassword"/>): the one the agency created the account with stops working.
    /// </summary>
    public static async Task<(Browser Browser, HttpResponseMessage Answer)> AcceptAsClientAsync(
        this ApiFixture api, TestClient client, string link, string? password = null)
    {
        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);
        var chosen = password ?? client.OwnPassword();
        return (browser, await browser.SubmitAsync(link, "/admin/ownership/accept", ("token", TokenOf(link)), ("password", chosen), ("confirm", chosen)));
    }

    /// <summary>The password a client chooses when it accepts its account (see <see cref="AcceptAsClientAsync"/>).</summary>
    public static string OwnPassword(this TestClient client) => "Own-" + client.Password;

    public static string TokenOf(string link) => WebUtility.UrlDecode(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

    public static async Task<SubAccount> SubAccountAsync(this ApiFixture api, string id)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().SubAccounts.AsNoTracking()
            .SingleAsync(s => s.Id == SubAccountId.From(Guid.Parse(id)), Ct);
    }

    /// <summary>The credits in the account's own wallet, wherever it now lives.</summary>
    public static async Task<long> OwnWalletAsync(this ApiFixture api, string id)
    {
        var account = await api.SubAccountAsync(id);
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Wallets.Where(w => w.Id == account.WalletId).Select(w => w.Balance).SingleAsync(Ct);
    }

    /// <summary>Hands the sub-account over to another agency at once, through the Engine's move (as an accepted transfer does).</summary>
    public static async Task MoveToAgencyAsync(this ApiFixture api, string subAccount, TestAgency to)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var id = SubAccountId.From(Guid.Parse(subAccount));
        var moving = await db.SubAccounts.SingleAsync(s => s.Id == id, Ct);
        await db.InTransactionAsync<bool>(async token =>
        {
            (await scope.ServiceProvider.GetRequiredService<ResellerKit.Engine.OwnershipTransfers.MoveSubAccount>().HandleAsync(
                moving, AgencyId.From(Guid.Parse(to.Id)), Ownership.Agency, token)).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync(token);
            return true;
        }, Ct);
    }

    public static async Task LedgerIsCleanAsync(this ApiFixture api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems.ShouldBeEmpty();
    }

    [GeneratedRegex(@"http[^\s""<>]*/admin/ownership/accept\?token=[A-Za-z0-9_%\-]+")]
    private static partial Regex AcceptLink();

    [GeneratedRegex(@"http[^\s""<>]*/admin/connections/respond\?token=[A-Za-z0-9_%\-]+")]
    private static partial Regex RespondLink();
}
