using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.BackOffice;

/// <summary>
/// Issue 16's walk: every back-office page the app declares, opened by every role (nobody, the platform admin, the
/// agency owner, a member per area, the demo client, a client-owned account) at 1280 and 375 px, and every form
/// submitted once with valid input and once with an invalid value. It fails on a raw JSON or problem document, an
/// untranslated key, a horizontal scroll on a phone, top-bar, switcher or navigation text below 4.5:1, the vendor's
/// name in front of a client, a valid form refused or an invalid one accepted without a word (or answered in API
/// words). Screenshots: artifacts/screenshots/walk-*.png.
/// </summary>
[Collection(nameof(BackOfficeWalkCollection))]
public sealed partial class BackOfficeWalkTests(WalkedBackOffice walk, DemoStorefront demo) : IClassFixture<WalkedBackOffice>
{
    private static int unique = Environment.TickCount % 100_000;

    public static TheoryData<string> Roles => new(WalkRole.All.Select(r => r.Name));

    [Fact]
    public void Routes_OfThePublishedApp_EachHaveAProbe()
    {
        var routes = BackOfficeRoutes.Read(Repository.StorefrontDll);

        routes.ShouldContain("/admin/sub-accounts/{Id:guid}", "the routes were read from the app");
        routes.Except(PageProbes.All.Keys).ShouldBeEmpty("pages the app declares without a probe in PageProbes");
        PageProbes.All.Keys.Except(routes).ShouldBeEmpty("probes of pages the app no longer declares");
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryPage_AsEachRole_ShowsWordsKeepsContrastAndFitsAPhone(string roleName)
    {
        var role = WalkRole.All.Single(r => r.Name == roleName);
        var page = await walk.BrowserOfAsync(role);
        var problems = new List<string>();

        foreach (var (template, probe) in PageProbes.All)
        {
            var shot = $"walk-{role.Name}{Slug(template)}";
            await page.SetViewportSizeAsync(1280, 900);
            var (response, loading) = await PageChecks.OpenAsync(page, walk.Url(probe(walk)));
            if (loading is not null)
            {
                problems.Add($"{role}: {loading}");
            }
            await Chromium.ScreenshotAsync(page, shot + "-1280");
            problems.AddRange((await PageChecks.InspectAsync(page, response, role.ServesAClient)).Select(p => $"{role}: {p}"));
            await page.SetViewportSizeAsync(PageChecks.Phone, 812);
            if (await PageChecks.ReloadAsync(page) is { } reloading)
            {
                problems.Add($"{role}: {reloading} (at {PageChecks.Phone} px)");
            }
            if (await PageChecks.WiderThanAPhoneAsync(page) is { } wide)
            {
                problems.Add($"{role}: {wide}");
            }
            if (await PageChecks.EmptyBandUnderTheNavigationAsync(page) is { } band)
            {
                problems.Add($"{role}: {band}");
            }
            await Chromium.ScreenshotAsync(page, shot + "-375");
        }
        await page.Context.CloseAsync();

        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    [Fact]
    public async Task EveryForm_SubmittedValidThenInvalid_SavesOrAnswersInWords()
    {
        var problems = new List<string>();
        var skipped = new List<string>();
        var walked = new HashSet<string>(StringComparer.Ordinal);

        foreach (var role in WalkRole.All.Where(r => r.SubmitsForms))
        {
            var page = await walk.BrowserOfAsync(role);
            foreach (var probe in PageProbes.All.Values)
            {
                var path = probe(walk);
                if ((await PageChecks.OpenAsync(page, walk.Url(path))).Loading is { } loading)
                {
                    problems.Add($"{role}: {loading}");
                    continue;
                }
                foreach (var (_, key) in await FormsAsync(page))
                {
                    if (!walked.Add(key))
                    {
                        continue;
                    }
                    if (!FormProbes.All.TryGetValue(key, out var form))
                    {
                        problems.Add($"{role} {path}: the form \"{key}\" has no probe in FormProbes");
                    }
                    else if (form.Skip is not null)
                    {
                        skipped.Add($"{key}: {form.Skip}");
                    }
                    else
                    {
                        problems.AddRange(await SubmitAsync(role, path, form, valid: true));
                        if (form.Invalid is not null)
                        {
                            problems.AddRange(await SubmitAsync(role, path, form, valid: false));
                        }
                    }
                }
            }
            await page.Context.CloseAsync();
        }

        TestContext.Current.SendDiagnosticMessage($"Forms walked: {walked.Count}; not submitted:\n{string.Join('\n', skipped)}");
        walked.Count.ShouldBeGreaterThan(30, "the forms were found");
        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    private async Task<IReadOnlyList<string>> SubmitAsync(WalkRole role, string path, FormProbe probe, bool valid)
    {
        var page = await walk.BrowserOfAsync(role);
        if ((await PageChecks.OpenAsync(page, walk.Url(path))).Loading is { } opening)
        {
            await page.Context.CloseAsync();
            return [$"{role} {path}: {opening}"];
        }
        var index = (await FormsAsync(page)).First(f => f.Key == probe.Key).Index;
        var form = page.Locator("form").Nth(index);
        foreach (var (selector, value) in (valid ? probe.Valid : probe.Invalid) ?? new Dictionary<string, string>())
        {
            await FillAsync(form.Locator(selector).Last, Expand(value));
        }
        await form.EvaluateAsync("f => f.noValidate = true");
        // Its own submit button: a button inside it may belong to another form (form="…").
        var submit = form.Locator("button[type=submit]:not([form]), input[type=submit]:not([form]), button:not([type]):not([form])");
        // The document the submission ends on (after any redirect).
        var response = await page.RunAndWaitForResponseAsync(
            async () =>
            {
                if (await submit.CountAsync() > 0) await submit.First.ClickAsync();
                else await form.EvaluateAsync("f => f.requestSubmit()");
            },
            r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && r.Status is < 300 or >= 400,
            new() { Timeout = 30_000 });
        var what = $"{role} {path} form \"{probe.Key}\" ({(valid ? "valid" : "invalid")})";
        if (await PageChecks.StillLoadingAsync(page) is { } submitted)
        {
            await Chromium.ScreenshotAsync(page, $"walk-form-{Slug(probe.Key)}-{(valid ? "valid" : "invalid")}-loading");
            await page.Context.CloseAsync();
            return [$"{what}: {submitted}"];
        }
        await Chromium.ScreenshotAsync(page, $"walk-form-{Slug(probe.Key)}-{(valid ? "valid" : "invalid")}");

        var problems = (await PageChecks.InspectAsync(page, response, role.ServesAClient)).Select(p => $"{what}: {p}").ToList();
        var alerts = (await page.Locator("[role=alert]:visible").AllInnerTextsAsync()).Where(t => t.Trim().Length > 0).ToList();
        if (valid && probe.Outcome == FormOutcome.Saved && alerts.Count > 0)
        {
            problems.Add($"{what}: refused: {string.Join(" | ", alerts)}");
        }
        if (!valid && alerts.Count == 0)
        {
            problems.Add($"{what}: accepted, or refused without a word next to the form");
        }
        problems.AddRange(alerts.SelectMany(PageChecks.ApiWords).Select(w => $"{what}: speaks API (\"{w}\") in \"{string.Join(" | ", alerts)}\""));
        if (valid && probe.ThenClick is { } button)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        }
        await page.Context.CloseAsync();
        return problems;
    }

    private static async Task FillAsync(ILocator field, string value)
    {
        switch (await field.EvaluateAsync<string>("e => e.tagName.toLowerCase() + ':' + (e.type || '')"))
        {
            case "select:select-one" or "select:select-multiple":
                await field.SelectOptionAsync(value);
                break;
            case "input:checkbox" or "input:radio":
                await field.SetCheckedAsync(value == "true");
                break;
            default:
                await field.FillAsync(value);
                break;
        }
    }

    private string Expand(string value) => value
        .Replace("{n}", Interlocked.Increment(ref unique).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{owner-password}", demo.PasswordOf(DemoJourney.Owner), StringComparison.Ordinal);

    // The page's forms outside the top bar and the assist banner, by index in document order and by key: the Blazor form
    // name, or the method and action path with ids replaced.
    private static async Task<IReadOnlyList<(int Index, string Key)>> FormsAsync(IPage page)
    {
        var forms = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('form')].map(f => {
              if (f.closest('header') || f.closest('.assist-banner')) return '';
              const handler = f.querySelector('input[name=_handler]');
              if (handler) return handler.value;
              const method = (f.getAttribute('method') || 'get').toLowerCase();
              const path = new URL(f.getAttribute('action') || location.pathname, location.href).pathname
                .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '{id}')
                .replace(/\/\d+(?=\/|$)/g, '/{n}');
              return method + ' ' + path;
            })
            """);
        return forms.Select((key, index) => (index, key)).Where(f => f.key.Length > 0).ToList();
    }

    private static string Slug(string text) => NotAlphanumeric().Replace(text.ToLowerInvariant(), "-").TrimEnd('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAlphanumeric();
}

[CollectionDefinition(nameof(BackOfficeWalkCollection))]
public sealed class BackOfficeWalkCollection : ICollectionFixture<DemoStorefront>, ICollectionFixture<Chromium>;
