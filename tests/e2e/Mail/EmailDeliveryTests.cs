namespace ResellerKit.Tests.E2e.Mail;

/// <summary>
/// Issue 8's outbound email against a real SMTP server (maildev): every kind arrives exactly once per trigger, as a
/// multipart message with a text and an HTML part, and both parts end with the footer of the agency it is sent for.
/// </summary>
public sealed class EmailDeliveryTests(EveryEmailWorld world) : IClassFixture<EveryEmailWorld>
{
    public static TheoryData<string> Kinds() => [.. EveryEmailWorld.AllKinds()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task EmailKind_CausedThroughTheProduct_ArrivesOnceAsTextAndHtml_WithTheAgencyFooterInBoth(string kind)
    {
        var expectations = world.Expected.Where(e => e.Kind == kind).ToList();
        expectations.ShouldNotBeEmpty($"no trigger causes {kind}");

        foreach (var expected in expectations)
        {
            var arrived = EveryEmailWorld.Matching(world.Captured, expected).ToList();
            arrived.Count.ShouldBe(expected.Count, $"{kind} to {expected.To}");
            foreach (var email in arrived)
            {
                var source = await world.SourceAsync(email);
                source.ShouldContain("multipart/alternative", Case.Insensitive);
                source.ShouldContain("text/plain", Case.Insensitive);
                source.ShouldContain("text/html", Case.Insensitive);
                var text = email.Text.ShouldNotBeNull($"{kind}: text part");
                var html = email.Html.ShouldNotBeNull($"{kind}: HTML part");
                text.ShouldContain($"--\n{expected.FooterName}\n");
                html.ShouldContain("<footer role=\"contentinfo\"");
                html.ShouldContain($"<strong>{System.Net.WebUtility.HtmlEncode(expected.FooterName)}</strong>");
                if (expected.AgencyFooter)
                {
                    text.ShouldContain(world.AgencyFooter.Text, customMessage: $"{kind}: the text part ends with the agency's footer");
                    text.ShouldContain(EveryEmailWorld.FooterText);
                    html.ShouldContain(world.AgencyFooter.Html[..^"</footer>".Length], customMessage: $"{kind}: the HTML part ends with the agency's footer");
                    html.ShouldContain(EveryEmailWorld.FooterText);
                }
            }
        }
    }
}
