using ResellerKit.Themes.Lint;
using ResellerKit.Themes.Packages;

namespace ResellerKit.Tests.Unit.Themes;

public sealed class ThemeLinterTests
{
    private readonly ThemeTestKit kit = new();

    [Theory]
    [InlineData(BuiltInThemes.Aurora)]
    [InlineData(BuiltInThemes.Slate)]
    public void Lint_BuiltInTheme_IsClean(string name)
    {
        var issues = kit.Linter.Lint(ThemeSource.Create("agency-lint", name));

        issues.ShouldBeEmpty(string.Join("\n", issues));
    }

    [Fact]
    public void Lint_BuiltInEmailTemplates_AreClean()
    {
        var theme = ThemeSource.Create("agency-lint", BuiltInThemes.Aurora, BuiltInThemes.Files("email")!
            .Where(f => f.Key.StartsWith("email/", StringComparison.Ordinal)).ToDictionary());

        var issues = kit.Linter.Lint(theme);

        issues.ShouldBeEmpty(string.Join("\n", issues));
    }

    /// <summary>Declarations count for the whole file, so a loop variable used outside its loop is checked by its type.</summary>
    [Fact]
    public void Lint_MistakesInAnOverride_ReportedWithPositions()
    {
        var theme = Override("""
            {{ pack.nme }}{% for pack in packs %}{{ pack.nme }}{{ pack.price.amount }}{% endfor %}
            {{ shop.name | shout }}{{ settings.nope }}{{ customer.name | raw }}{{ shop | json }}
            {{ 'no.such.key' | t }}{{ 'missing.png' | asset_url }}{{ settings.accent_color | raw }}
            """);

        var issues = kit.Linter.Lint(theme).Where(i => i.Path == "templates/index.liquid").Select(i => i.ToString()).ToList();

        issues.ShouldBe(
        [
            "templates/index.liquid:1:4: warning: 'pack.nme': PackView has no member 'nme', so it prints nothing.",
            "templates/index.liquid:1:41: warning: 'pack.nme': PackView has no member 'nme', so it prints nothing.",
            "templates/index.liquid:2:16: error: Unknown filter 'shout'.",
            "templates/index.liquid:2:27: warning: 'settings.nope' is not declared in config/settings_schema.json, so it prints nothing.",
            "templates/index.liquid:2:46: error: 'customer.name | raw' would print data unescaped; only richtext settings are sanitised HTML.",
            "templates/index.liquid:2:78: error: The filter 'json' is not available in ResellerKit themes.",
            "templates/index.liquid:3:4: warning: No translation for 'no.such.key' in locales/en.json.",
            "templates/index.liquid:3:27: warning: There is no assets/missing.png in this theme.",
            "templates/index.liquid:3:58: warning: 'settings.accent_color | raw': only richtext settings are sanitised HTML.",
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("{% include '../..' %}", "include '../..': a snippet is a bare name")]
    [InlineData("{% render '../templates/index' %}", "render '../templates/index': a snippet is a bare name")]
    [InlineData("{% include '/etc/passwd' %}", "include '/etc/passwd': a snippet is a bare name")]
    [InlineData("{% render 'snippets/pack-card' %}", "render 'snippets/pack-card': a snippet is a bare name")]
    [InlineData("{% render 'no-such-card' %}", "render 'no-such-card': there is no snippets/no-such-card.liquid in this theme.")]
    public void Lint_RenderOrIncludeOfANameThatIsNoSnippet_IsAnErrorAtTheName(string index, string message)
    {
        var issues = kit.Linter.Lint(Override($"<p>\n  {index}")).Where(i => i.Path == "templates/index.liquid").ToList();

        var issue = issues.ShouldHaveSingleItem(string.Join("\n", issues));
        issue.Severity.ShouldBe(LintSeverity.Error);
        issue.Message.ShouldStartWith(message);
        (issue.Line, issue.Column).ShouldBe((2, index.IndexOf('\'', StringComparison.Ordinal) + 4));
    }

    [Fact]
    public void Lint_IncludeOfASnippetNameInAVariable_IsAWarning()
    {
        var issues = kit.Linter.Lint(Override("{% assign card = 'pack-card' %}{% include card %}")).Where(i => i.Path == "templates/index.liquid").ToList();

        var issue = issues.ShouldHaveSingleItem(string.Join("\n", issues));
        issue.Severity.ShouldBe(LintSeverity.Warning);
        issue.Message.ShouldContain("takes the snippet's name from a variable");
    }

    [Fact]
    public void Lint_UnknownRootVariable_IsAWarningBecauseItPrintsNothing()
    {
        var issues = kit.Linter.Lint(Override("{{ secrets.api_key }}")).Where(i => i.Path == "templates/index.liquid").Select(i => i.ToString()).ToList();

        issues.ShouldBe(["templates/index.liquid:1:4: warning: Unknown variable 'secrets': it prints nothing."]);
    }

    [Fact]
    public void Lint_ContainmentAndSyntaxErrors_AreErrors()
    {
        var theme = Override("{% for i in (1..20000000) %}{% endfor %}", ("snippets/broken.liquid", "x\n{% if %}"), ("templates/account.liquid", "{% render 'broken' %}"));

        var issues = kit.Linter.Lint(theme).Select(i => i.ToString()).ToList();

        issues.ShouldContain("templates/index.liquid:1:13: error: The range (1..20000000) has more than 10,000 items.");
        issues.ShouldContain(i => i.StartsWith("snippets/broken.liquid:2:", StringComparison.Ordinal) && i.Contains("error"));
    }

    [Fact]
    public void Lint_MissingTemplateAndUnusedSnippet_Reported()
    {
        var theme = ThemeSource.FromFiles("agency-lint", new Dictionary<string, string>
        {
            ["layout/theme.liquid"] = "{{ content_for_layout }}",
            ["templates/index.liquid"] = "hi",
            ["snippets/lonely.liquid"] = "nobody renders me",
            ["config/settings_schema.json"] = "[]",
            ["locales/en.json"] = "{}",
        });

        var issues = kit.Linter.Lint(theme).Select(i => i.ToString()).ToList();

        issues.ShouldContain("templates/account.liquid:0:0: error: This required file is missing.");
        issues.ShouldContain("templates/404.liquid:0:0: error: This required file is missing.");
        issues.ShouldContain("snippets/lonely.liquid:0:0: warning: No template renders this snippet.");
    }

    [Fact]
    public void LintFolder_ThemeOnDisk_ReadsEveryFile()
    {
        var folder = Directory.CreateTempSubdirectory("rk-theme-").FullName;
        try
        {
            foreach (var (path, content) in BuiltInThemes.Files(BuiltInThemes.Slate)!)
            {
                Directory.CreateDirectory(Path.Combine(folder, Path.GetDirectoryName(path)!));
                File.WriteAllText(Path.Combine(folder, path), content);
            }

            File.WriteAllText(Path.Combine(folder, "templates", "404.liquid"), "{{ page.titel }}");

            var issues = kit.Linter.LintFolder(folder).Select(i => i.ToString()).ToList();

            issues.ShouldBe(["templates/404.liquid:1:4: warning: 'page.titel': PageView has no member 'titel', so it prints nothing."]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ThemeSource Override(string index, params (string Path, string Content)[] more)
    {
        var files = new Dictionary<string, string> { ["templates/index.liquid"] = index };
        foreach (var (path, content) in more)
        {
            files[path] = content;
        }

        return ThemeSource.Create("agency-lint", BuiltInThemes.Aurora, files);
    }
}
