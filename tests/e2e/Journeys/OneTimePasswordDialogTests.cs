using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Journeys;

/// <summary>
/// The one-time password of a new client login is a real modal: the page behind cannot be clicked, focus is in the
/// dialog, Copy copies the password and says so, and Escape closes it and takes the password off the page.
/// </summary>
[Collection(nameof(DemoCollection))]
public sealed class OneTimePasswordDialogTests(DemoStorefront demo, Chromium chromium) : IDisposable
{
    private readonly DemoJourney journey = new(demo, chromium);

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task PasswordDialog_NewSubAccount_IsModalTakesFocusCopiesAndClosesOnEscape(int width)
    {
        var page = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));
        await page.SetViewportSizeAsync(width, 800);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = demo.BaseUrl });
        await page.GotoAsync(journey.Url("/admin/sub-accounts"));
        await page.GetByLabel("Client name").FillAsync("Modal Makers");
        await page.GetByLabel("Client email").FillAsync($"modal-{Guid.NewGuid():N}@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create sub-account" }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Modal Makers is ready" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var password = (await dialog.GetByLabel("Initial password").InnerTextAsync()).Trim();
        var modal = await dialog.EvaluateAsync<bool>("d => d.matches(':modal')");
        var focusInside = await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)");
        var behind = await page.EvaluateAsync<bool>("""
            () => { const link = document.querySelector('.sidenav a'); const r = link.getBoundingClientRect();
                    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === link; }
            """);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy initial password" }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Status)).ToHaveTextAsync("Copied.");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        await Chromium.ScreenshotAsync(page, $"issue16-password-dialog-{width}");
        await page.Keyboard.PressAsync("Escape");

        modal.ShouldBeTrue("opened with showModal()");
        focusInside.ShouldBeTrue("focus moved into the dialog");
        behind.ShouldBeFalse("the page behind the dialog cannot be clicked");
        copied.Trim().ShouldBe(password);
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        // Closed first, removed by its close event a moment later: wait for the element itself to leave the page.
        await Assertions.Expect(page.Locator("dialog[data-modal]")).ToHaveCountAsync(0);
        (await page.ContentAsync()).ShouldNotContain(password, Case.Sensitive, "a closed dialog takes the password with it");
    }

    public void Dispose() => journey.Dispose();
}
