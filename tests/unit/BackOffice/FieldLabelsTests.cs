using System.Net;
using System.Text.RegularExpressions;
using ResellerKit.Storefront.BackOffice;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// Errors in the back office are in people's words with the form's labels; the API keeps its field names. Every field
/// name an Engine message opens with has a label, so a new message cannot reach a form in API words.
/// </summary>
public sealed partial class FieldLabelsTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    // Fields only the API takes (no back-office form has them), or whose wording is being reworked elsewhere.
    private static readonly string[] ApiOnly = ["cancelUrl", "successUrl", "expiresAt", "expiresInSeconds", "unitAmount", "field"];

    [Theory]
    [InlineData("primaryColor", "primaryColor must be a hex colour like #1d4ed8.", "Primary colour must be a colour like #1d4ed8.")]
    [InlineData("credits", "credits must be a whole number from 1 to 1000000000.", "Credits must be a whole number from 1 to 1000000000.")]
    [InlineData("from", "from must not be later than to.", "The From date must not be later than the To date.")]
    [InlineData("maxCredits", "maxCredits must be at least minCredits and at most 5.", "Maximum credits must be at least minimum credits and at most 5.")]
    [InlineData("autoRecharge.thresholdCredits", "thresholdCredits must be a whole number of credits from 0 up.", "The top-up threshold must be a whole number of credits from 0 up.")]
    [InlineData("lowBalanceAlert.thresholdCredits", "thresholdCredits must be a whole number of credits from 1 up.", "The alert level must be a whole number of credits from 1 up.")]
    [InlineData("usageCapPerMonth", "usageCapPerMonth must be a whole number of credits from 0 up, or null for no cap.", "Monthly usage cap must be a whole number of credits from 0 up, or empty for no cap.")]
    [InlineData("logoUrl", "logoUrl must be an absolute https or http URL of an image.", "Logo URL must be a full web address (https://…) of an image.")]
    [InlineData("autoRecharge.targetCredits", "targetCredits must be more than thresholdCredits, and at most 5.", "The top-up target must be more than the top-up threshold, and at most 5.")]
    [InlineData("name", "Use 1 to 200 characters.", "Use 1 to 200 characters.")]
    public void Speak_AnApiMessage_UsesTheFormsLabelAndWords(string field, string api, string words) =>
        FieldLabels.Speak(field, api).ShouldBe(words);

    [Fact]
    public void Speak_EveryFieldNameAnEngineMessageOpensWith_HasALabel()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryFolder.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var names = sources.SelectMany(f => OpeningName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

        var unlabelled = names.Where(n => !ApiOnly.Contains(n) && FieldLabels.For(n) == n).Order(StringComparer.Ordinal).ToList();

        names.ShouldContain("primaryColor");
        unlabelled.ShouldBeEmpty(string.Join(", ", unlabelled));
    }

    [Fact]
    public async Task BrandingForm_WithABadColour_SaysSoWithTheFieldsLabel()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var saved = await owner.SubmitAsync("/admin/settings", "/admin/settings", ("_handler", "branding"),
            ("Brand.DisplayName", "Walk Agency"), ("Brand.LogoUrl", ""), ("Brand.PrimaryColor", "blue"), ("Brand.SupportEmail", ""),
            ("Brand.PostalAddress", ""), ("Brand.EmailFooter", ""), ("Brand.Locale", "en-US"), ("Brand.Currency", "usd"), ("Brand.CustomDomain", ""));
        var html = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync(Ct));

        html.ShouldContain("Primary colour must be a colour like #1d4ed8.");
        html.ShouldNotContain("primaryColor must");
    }

    [Fact]
    public async Task Transactions_WithFromAfterTo_SaysSoInWords()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var (_, html) = await owner.GetAsync("/admin/transactions?from=2026-05-01&to=2026-04-01");
        var export = await owner.Client.GetAsync("/admin/transactions.csv?from=2026-05-01&to=2026-04-01", Ct);

        WebUtility.HtmlDecode(html).ShouldContain("The From date must not be later than the To date.");
        html.ShouldNotContain("from must not");
        export.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the export is no file while its filter is refused, and says why");
        (await export.Content.ReadAsStringAsync(Ct)).ShouldBe("The From date must not be later than the To date.");
    }

    [Fact]
    public async Task Transactions_WithAFromThatIsNoDate_SaysSoWithTheFieldsLabelAndOffersNoDownload()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var (status, html) = await owner.GetAsync("/admin/transactions?from=notadate");
        var text = WebUtility.HtmlDecode(html);

        status.ShouldBe(HttpStatusCode.OK);
        text.ShouldContain("From is not a date we can read.");
        text.ShouldNotContain("from is not a date", Case.Sensitive);
        html.ShouldNotContain("Download CSV");
    }

    [Fact]
    public async Task TransactionsCsv_WithAFromThatIsNoDate_Answers400InWordsNotThePage()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var export = await owner.Client.GetAsync("/admin/transactions.csv?from=notadate", Ct);
        var body = await export.Content.ReadAsStringAsync(Ct);

        export.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        body.ShouldStartWith("From is not a date we can read.");
        body.ShouldNotContain("<html");
    }

    [Fact]
    public async Task Transactions_WithATypeNotInTheList_NamesTheTypesAsTheSelectShowsThem()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var (status, html) = await owner.GetAsync("/admin/transactions?type=bogus");
        var notice = WebUtility.HtmlDecode(Regex.Match(html, "<p class=\"notice[^\"]*\"[^>]*>([^<]*)</p>").Groups[1].Value);

        status.ShouldBe(HttpStatusCode.OK);
        notice.ShouldBe("Choose a type from the list: Credits given, Bought, Used, Refund, Reversed, Expired, Automatic top-up, Moved with the account.");
        notice.ShouldNotContain("grant");
        notice.ShouldNotContain("bogus");
    }

    [Fact]
    public async Task Transactions_ToTheLastDayADateCanHold_ShowsThePage()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var (status, html) = await owner.GetAsync("/admin/transactions?from=2026-01-01&to=9999-12-31");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Transactions");
    }

    // A message that opens with a camelCase field name: "primaryColor must be …" (also inside interpolated strings).
    [GeneratedRegex(@"\$?""([a-z]+[A-Z][A-Za-z]*) (?:must|is|may|should)\b")]
    private static partial Regex OpeningName();
}
