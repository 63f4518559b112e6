using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Mail;

/// <summary>
/// One demo Storefront sending over SMTP to its own maildev, in which every kind of email is caused once through
/// the product's real paths (API and sandbox payments on one side, the back office and storefront in Chromium on the
/// other). Once every expected message has arrived it waits a little longer, so that a duplicate would show.
/// </summary>
public sealed class EveryEmailWorld : IAsyncLifetime
{
    public const string FooterText = "Brightside Digital Ltd, registered in England 0000001 (mail-proof)";
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);
    private readonly ConcurrentQueue<ExpectedEmail> expected = new();
    private readonly Chromium chromium = new();

    public DemoStorefront Demo { get; } = new();

    public IReadOnlyList<ExpectedEmail> Expected => expected.ToList();

    public IReadOnlyList<CapturedEmail> Captured { get; private set; } = [];

    /// <summary>The agency's footer as <c>GET /api/v1/email-footer</c> serves it: what every one of its emails ends with.</summary>
    public (string Html, string Text) AgencyFooter { get; private set; }

    /// <summary>The house agency that owns direct clients' accounts.</summary>
    public const string HouseName = "Direct clients";

    /// <summary>Every kind the published Engine declares, so that a new kind without a trigger here fails.</summary>
    public static IEnumerable<string> AllKinds() =>
        Enum.GetNames(Assembly.LoadFrom(Path.Combine(Path.GetDirectoryName(Repository.StorefrontDll)!, "ResellerKit.Engine.dll"))
            .GetType("ResellerKit.Engine.Notifications.EmailKind", throwOnError: true)!);

    public async ValueTask InitializeAsync()
    {
        await Demo.InitializeAsync();
        await chromium.InitializeAsync();
        using var api = new ResellerKitApi(Demo.BaseUrl, Demo.AgencyKey);
        var agency = await api.SendAsync(HttpMethod.Patch, "/api/v1/agency", new { emailFooter = FooterText }, HttpStatusCode.OK);
        var footer = await api.GetAsync("/api/v1/email-footer");
        AgencyFooter = (footer.GetProperty("html").GetString()!, footer.GetProperty("text").GetString()!.ReplaceLineEndings("\n").Trim());
        var brand = agency.TryGetProperty("displayName", out var d) && d.GetString() is { Length: > 0 } name ? name : agency.GetProperty("name").GetString()!;
        var owner = agency.GetProperty("ownerEmail").GetString()!;
        var inbox = agency.TryGetProperty("supportEmail", out var s) && s.GetString() is { Length: > 0 } support ? support : owner;

        void Expect(string kind, string to, int count) => expected.Enqueue(kind switch
        {
            "ContractTerminated" when to == BrowserEmailTriggers.DirectClient => new ExpectedEmail(kind, to, count, HouseName, AgencyFooter: false),
            _ => new ExpectedEmail(kind, to, count, brand, AgencyFooter: true),
        });
        await Task.WhenAll(
            new ApiEmailTriggers(api, Demo.BaseUrl, await Demo.Process.SandboxKeyAsync(), Expect).RunAsync(owner),
            new BrowserEmailTriggers(Demo, chromium, Expect).RunAsync(inbox));

        await Poll.UntilAsync(() => Demo.Mail.ListAsync(), mail => Expected.All(e => Matching(mail, e).Count() >= e.Count), TimeSpan.FromSeconds(120));
        await Task.Delay(Quiet, Ct); // A redelivery would land in this window.
        Captured = await Demo.Mail.ListAsync();
    }

    public static IEnumerable<CapturedEmail> Matching(IEnumerable<CapturedEmail> mail, ExpectedEmail e) =>
        mail.Where(m => m.Kind == e.Kind && m.IsFor(e.To));

    public Task<string> SourceAsync(CapturedEmail email) => Demo.Mail.SourceAsync(email.Id);

    public async ValueTask DisposeAsync()
    {
        await chromium.DisposeAsync();
        await Demo.DisposeAsync();
    }
}
