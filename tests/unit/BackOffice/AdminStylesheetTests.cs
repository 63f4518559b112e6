using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>The back office stylesheet keeps dashboard figures inside their cards on a 375 px phone (checked in Chromium by the walk).</summary>
public sealed class AdminStylesheetTests
{
    [Fact]
    public void AdminCss_StatValues_WrapInsteadOfWideningThePage()
    {
        var css = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "src", "Storefront", "wwwroot", "admin.css"));

        css.ShouldContain("font-size: 1.35rem; font-weight: 700; overflow-wrap: anywhere; }");
        css.ShouldContain(".stat { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: .75rem 1rem; min-width: 0; }");
        css.ShouldContain("minmax(min(11rem, 100%), 1fr)");
    }
}
