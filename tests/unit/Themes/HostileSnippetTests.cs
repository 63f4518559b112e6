using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary>
/// Snippets used against the server or other tenants: one that renders itself, includes that call each other, paths out
/// of the theme's snippets, another agency's snippet. Each stops or renders nothing, and says where.
/// </summary>
public sealed class HostileSnippetTests
{
    private readonly ThemeTestKit kit = new(ThemeTestKit.Unhurried);

    [Fact]
    public async Task RenderAsync_SnippetRenderingItself_StopsWithSnippetPath()
    {
        var theme = ThemeTestKit.Inline("{% render 'loop' %}", ("snippets/loop.liquid", "x{% render 'loop' %}"));

        var result = await kit.RenderAsync(theme);

        result.Error!.Path.ShouldBe("snippets/loop.liquid");
        result.Error.Message.ShouldContain("nested more than 20 deep");
        result.Error.Limit.ShouldBe(ThemeLimit.Recursion);
    }

    [Fact]
    public async Task RenderAsync_MutuallyRecursiveIncludes_Stop()
    {
        var theme = ThemeTestKit.Inline("{% include 'a' %}", ("snippets/a.liquid", "{% include 'b' %}"), ("snippets/b.liquid", "{% include 'a' %}"));

        var result = await kit.RenderAsync(theme);

        result.Error!.Message.ShouldContain("does a snippet render itself?");
        result.Error.Limit.ShouldBe(ThemeLimit.Recursion);
    }

    [Theory]
    [InlineData("{% render '../templates/index' %}")]
    [InlineData("{% render '../../../../etc/passwd' %}")]
    [InlineData("{% include '/etc/passwd' %}")]
    [InlineData("{% include 'C:\\\\Windows\\\\win.ini' %}")]
    [InlineData("{% assign p = '../layout/theme' %}{% include p %}")]
    [InlineData("{% render 'templates/index' %}")]
    public async Task RenderAsync_SnippetPathOutsideSnippets_ReadsNothingPrintsNothingAndIsReported(string template)
    {
        var result = await kit.RenderAsync(ThemeTestKit.Inline($"before|{template}|after"));

        result.Error.ShouldBeNull();
        result.Html.ShouldBe("before||after");
        result.Problem!.Message.ShouldContain("a snippet is a bare name");
        result.Problem.Path.ShouldBe("templates/index.liquid");
    }

    [Fact]
    public async Task RenderAsync_SnippetOfAnotherAgency_IsNotFound()
    {
        var other = ThemeSource.FromFiles("agency-other", new Dictionary<string, string>
        {
            ["layout/theme.liquid"] = "{{ content_for_layout }}",
            ["templates/index.liquid"] = "x",
            ["snippets/private.liquid"] = "OTHER TENANT DATA",
        });
        await kit.RenderAsync(other);

        var result = await kit.RenderAsync(ThemeTestKit.Inline("{% render 'private' %}"));

        result.Html.ShouldBe("");
        result.Problem!.Message.ShouldBe("render 'private': there is no snippets/private.liquid in this theme.");
    }

    [Fact]
    public async Task RenderAsync_SyntaxErrorInSnippet_ReportsSnippetLine()
    {
        var theme = ThemeTestKit.Inline("{% render 'card' %}", ("snippets/card.liquid", "ok\nok {% if %}"));

        var result = await kit.RenderAsync(theme);

        result.Error!.Path.ShouldBe("snippets/card.liquid");
        result.Error.Line.ShouldBe(2);
    }
}
