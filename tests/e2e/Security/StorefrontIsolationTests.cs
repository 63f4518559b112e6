using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Security;

/// <summary>
/// Issue 13, item 1, as the attack was made: an agency's theme carries a script that, when the platform admin opens
/// the storefront, reads the back office for its antiforgery token and posts to platform routes (suspend another
/// agency, give itself a 100% discount). The storefront lives on its own origin, so the script reads nothing and
/// changes nothing, whatever URL it uses.
/// </summary>
public sealed class StorefrontIsolationTests(DemoStorefront demo, Chromium chromium) : IClassFixture<DemoStorefront>, IClassFixture<Chromium>
{
    [Fact]
    public async Task ThemeScript_OpenedByThePlatformAdmin_ReadsAndChangesNothingOfTheBackOffice()
    {
        using var journey = new DemoJourney(demo, chromium);
        using var platform = new StorefrontApi(demo.BaseUrl, demo.PlatformKey);
        var victimSlug = "victim-" + Guid.NewGuid().ToString("N")[..8];
        var victim = await platform.SendAsync(HttpMethod.Post, "/api/v1/agencies", new { name = "Victim Agency", slug = victimSlug, ownerEmail = $"owner@{victimSlug}.example" });
        var demoAgency = await journey.Agency.SendAsync(HttpMethod.Get, "/api/v1/agency");
        await journey.Agency.SendAsync(HttpMethod.Put, "/api/v1/theme/files/templates/index.liquid",
            new { content = Attack(demo.BaseUrl, victim.GetProperty("id").GetString()!, demoAgency.GetProperty("id").GetString()!) });
        var admin = await journey.SignInToBackOfficeAsync(DemoStorefront.PlatformAdmin, demo.PasswordOf(DemoStorefront.PlatformAdmin));

        var storefront = await admin.Context.NewPageAsync();
        await storefront.GotoAsync(demo.ShopUrl + "/");
        var report = storefront.Locator("#attack-report");
        await Assertions.Expect(report).ToHaveAttributeAsync("data-done", "yes", new() { Timeout = 15_000 });
        var findings = await report.TextContentAsync();
        await Chromium.ScreenshotAsync(storefront, "issue13-theme-script-isolated");

        findings.ShouldNotBeNull().ShouldNotContain("READ-ADMIN");
        findings.ShouldNotContain("TOKEN-FOUND");
        findings.ShouldContain("relative-admin:404");
        var agencies = await platform.SendAsync(HttpMethod.Get, "/api/v1/agencies?limit=500");
        var victimNow = agencies.GetProperty("data").EnumerateArray().Single(a => a.GetProperty("slug").GetString() == victimSlug);
        victimNow.GetProperty("status").GetString().ShouldBe("active");
        var demoNow = agencies.GetProperty("data").EnumerateArray().Single(a => a.GetProperty("slug").GetString() == "demo");
        demoNow.GetProperty("discountPercent").GetDecimal().ShouldBe(demoAgency.GetProperty("discountPercent").GetDecimal());
    }

    /// <summary>The attacker's theme: tries relative and absolute URLs, with and without a stolen token, by fetch and by form.</summary>
    private static string Attack(string platform, string victimId, string ownId) => $$"""
        <div id="attack-report" data-done="no"></div>
        <iframe name="sink" style="display:none"></iframe>
        <script>
        (async () => {
          const report = document.getElementById('attack-report');
          const seen = [];
          const read = async (label, url) => {
            try {
              const r = await fetch(url, { credentials: 'include' });
              const t = await r.text();
              const token = (t.match(/name="__csrf" value="([^"]+)"/) || [])[1];
              seen.push(label + ':' + r.status + (t.includes('Sign out') ? ':READ-ADMIN' : '') + (token ? ':TOKEN-FOUND' : ''));
              return token;
            } catch (e) { seen.push(label + ':blocked'); return undefined; }
          };
          const post = async (label, url, fields) => {
            try {
              await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include',
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
              seen.push(label + ':sent');
            } catch (e) { seen.push(label + ':blocked'); }
          };
          const relative = await read('relative-admin', '/admin');
          const absolute = await read('absolute-admin', '{{platform}}/admin');
          const token = relative || absolute || '';
          for (const base of ['', '{{platform}}']) {
            await post('suspend' + base, base + '/admin/platform/agencies/{{victimId}}/suspend', { suspended: 'true', __csrf: token });
            await post('discount' + base, base + '/admin/platform/agencies/{{ownId}}', { discountPercent: '100', __csrf: token });
          }
          const form = document.createElement('form');
          form.method = 'post'; form.target = 'sink'; form.action = '{{platform}}/admin/platform/agencies/{{victimId}}/suspend';
          for (const [k, v] of Object.entries({ suspended: 'true', __csrf: token })) {
            const input = document.createElement('input'); input.name = k; input.value = v; form.append(input);
          }
          document.body.append(form); form.submit();
          await new Promise(r => setTimeout(r, 1500));
          report.textContent = seen.join(' | ');
          report.dataset.done = 'yes';
        })();
        </script>
        """;
}
