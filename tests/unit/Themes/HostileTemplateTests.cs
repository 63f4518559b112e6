using System.Diagnostics;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary>
/// Templates written to hurt the server or other tenants. Each must end quickly with a clear error (file and line
/// where one applies), never crash or hang the process, never write unbounded output, and never show a secret.
/// </summary>
public sealed class HostileTemplateTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(5);

    private readonly ThemeTestKit kit = new();

    /// <summary>Reachable from nowhere a template can see: if it ever showed up, the allow-list would be broken.</summary>
    private static readonly SecretHolder Secrets = new(ThemeTestKit.Secret);

    public static TheoryData<string, string, string> FailingTemplates => new()
    {
        { "a 10-million literal range", "{% for i in (1..10000000) %}{{ i }}{% endfor %}", "has more than 1,000 items" },
        { "a 10-million range from a variable", "{% assign n = 10000000 %}{% assign r = (1..n) %}{{ r.size }}", "has 10,000,000 items" },
        { "an endless nested loop", "{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}", "more than 100,000 steps" },
        { "doubling a string with append", "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s.size }}", "text of" },
        { "doubling a capture", "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}", "captured text 's' is larger than" },
        { "a replace that multiplies", "{% assign s = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' %}{% for i in (1..10) %}{% assign s = s | replace: 'a', 'aaaaaaaa' %}{% endfor %}", "would build a text of" },
        { "megabytes of output", "{% for i in (1..1000) %}{% for j in (1..90) %}{{ 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }}{% endfor %}{% endfor %}", "larger than 2,097,152 characters" },
        { "cycle in a huge loop", "{% for i in (1..1000) %}{% for j in (1..1000) %}{% cycle 'a', 'b', 'c' %}{% endfor %}{% endfor %}", "more than 100,000 steps" },
        { "tablerow over a huge range", "{% tablerow i in (1..5000000) cols: 3 %}{{ i }}{% endtablerow %}", "has more than 1,000 items" },
        { "join of a huge list", "{% assign big = 'x' | append: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' %}{% for i in (1..12) %}{% assign big = big | append: big %}{% endfor %}{% assign list = big | split: ',' %}{% for i in (1..7) %}{% assign list = list | concat: list %}{% endfor %}{{ list | join: ',' | size }}", "would build a text of" },
    };

    [Theory]
    [MemberData(nameof(FailingTemplates))]
    public async Task RenderAsync_ResourceExhaustion_StopsWithClearErrorInBoundedTime(string attack, string template, string expected)
    {
        var watch = Stopwatch.StartNew();

        var result = await kit.RenderAsync(ThemeTestKit.Inline(template));

        watch.Elapsed.ShouldBeLessThan(Bounded, attack);
        result.IsSuccess.ShouldBeFalse(attack);
        result.Error.Path.ShouldBe("templates/index.liquid", attack);
        result.Error.Message.ShouldContain(expected, Case.Insensitive, attack);
    }

    [Fact]
    public async Task RenderAsync_SlowTemplate_StopsAtTheTimeout()
    {
        var slow = new ThemeTestKit(ThemeLimits.Default with { Timeout = TimeSpan.FromMilliseconds(200), MaxSteps = int.MaxValue });
        var watch = Stopwatch.StartNew();

        var result = await slow.RenderAsync(ThemeTestKit.Inline(
            "{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}"));

        watch.Elapsed.ShouldBeLessThan(Bounded);
        result.Error!.Message.ShouldBe("The page took longer than 0.2 s to render.");
    }

    [Fact]
    public async Task RenderAsync_DeepBlockNesting_RejectedBeforeParsingWithLine()
    {
        var deep = "\n" + string.Concat(Enumerable.Repeat("{% if true %}", 5000)) + string.Concat(Enumerable.Repeat("{% endif %}", 5000));

        var result = await kit.RenderAsync(ThemeTestKit.Inline(deep));

        result.Error.ShouldBe(new ThemeError("templates/index.liquid", 2, 1 + 24 * 13, "Blocks are nested more than 24 deep here."));
    }

    [Fact]
    public async Task RenderAsync_HugeFilterChain_RejectedBeforeParsing()
    {
        var chain = "{{ 'a'" + string.Concat(Enumerable.Repeat(" | upcase", 20_000)) + " }}";

        var result = await kit.RenderAsync(ThemeTestKit.Inline(chain));

        result.Error!.Message.ShouldContain("the limit is 1,000");
        (result.Error.Line, result.Error.Column).ShouldBe((1, 1));
    }

    [Fact]
    public async Task RenderAsync_FileOverSizeCap_Rejected()
    {
        var result = await kit.RenderAsync(ThemeTestKit.Inline(new string('x', 300_000)));

        result.Error!.Message.ShouldContain("the limit is 262,144");
    }

    [Fact]
    public async Task RenderAsync_ThemeOverTotalSizeCap_Rejected()
    {
        var files = Enumerable.Range(0, 20).Select(i => ($"assets/big{i}.css", new string('x', 250_000))).ToArray();

        var result = await kit.RenderAsync(ThemeTestKit.Inline("hi", files));

        result.Error!.Message.ShouldContain("more than 4,194,304 characters");
    }

    [Fact]
    public async Task RenderAsync_SnippetRenderingItself_StopsWithSnippetPath()
    {
        var theme = ThemeTestKit.Inline("{% render 'loop' %}", ("snippets/loop.liquid", "x{% render 'loop' %}"));

        var result = await kit.RenderAsync(theme);

        result.Error!.Path.ShouldBe("snippets/loop.liquid");
        result.Error.Message.ShouldContain("nested more than 20 deep");
    }

    [Fact]
    public async Task RenderAsync_MutuallyRecursiveIncludes_Stop()
    {
        var theme = ThemeTestKit.Inline("{% include 'a' %}", ("snippets/a.liquid", "{% include 'b' %}"), ("snippets/b.liquid", "{% include 'a' %}"));

        var result = await kit.RenderAsync(theme);

        result.Error!.Message.ShouldContain("does a snippet render itself?");
    }

    [Theory]
    [InlineData("{% render '../templates/index' %}")]
    [InlineData("{% render '../../../../etc/passwd' %}")]
    [InlineData("{% include '/etc/passwd' %}")]
    [InlineData("{% include 'C:\\\\Windows\\\\win.ini' %}")]
    [InlineData("{% assign p = '../layout/theme' %}{% include p %}")]
    [InlineData("{% render 'templates/index' %}")]
    public async Task RenderAsync_SnippetPathOutsideSnippets_Refused(string template)
    {
        var result = await kit.RenderAsync(ThemeTestKit.Inline(template));

        result.Error!.Message.ShouldContain("a snippet is a bare name");
        result.Error.Path.ShouldBe("templates/index.liquid");
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

        result.Error!.Message.ShouldBe("render 'private': there is no snippets/private.liquid in this theme.");
    }

    [Theory]
    [InlineData("{{ packs[0].GetType }}")]
    [InlineData("{{ packs[0].get_type }}")]
    [InlineData("{{ shop.GetHashCode }}")]
    [InlineData("{{ packs[0].price.ToString }}")]
    [InlineData("{{ shop.EqualityContract }}")]
    [InlineData("{{ secrets.api_key }}{{ secret_holder.api_key }}")]
    [InlineData("{{ page.get_type.assembly.location }}")]
    [InlineData("{{ packs.capacity }}{{ packs.count }}{{ packs.get_enumerator }}")]
    public async Task RenderAsync_MembersOutsideAllowList_RenderNothing(string template)
    {
        var html = await kit.HtmlAsync(template);

        html.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{{ shop | json }}{{ packs | json }}")]
    [InlineData("{% for p in packs %}{{ p }}{% endfor %}")]
    [InlineData("{{ shop }}{{ customer }}{{ page }}")]
    public async Task RenderAsync_WholeObjects_NeverDumpBeyondViewModels(string template)
    {
        var result = await kit.RenderAsync(ThemeTestKit.Inline(template), ThemeTestKit.Model());

        (result.Html ?? result.Error!.Message).ShouldNotContain(ThemeTestKit.Secret);
        Secrets.ApiKey.ShouldBe(ThemeTestKit.Secret);
    }

    [Fact]
    public async Task RenderAsync_UserDataWithScript_EscapedEvenInAttributes()
    {
        var model = ThemeTestKit.Model() with { Packs = [ThemeTestKit.Model().Packs[0] with { Name = "\"><script>steal()</script>" }] };

        var html = await kit.HtmlAsync("<button aria-label=\"{{ packs[0].name }}\">{{ packs[0].name }}</button>", model);

        html.ShouldBe("<button aria-label=\"&quot;&gt;&lt;script&gt;steal()&lt;/script&gt;\">&quot;&gt;&lt;script&gt;steal()&lt;/script&gt;</button>");
    }

    [Theory]
    [InlineData("hello\n{% if x %}\n{% for %}\n{% endif %}", 3, 7, "Invalid 'for' tag")]
    [InlineData("a\nb {% unknowntag %}", 2, 16, "Unknown tag 'unknowntag'")]
    [InlineData("a\n\n  {{ x | }}", 3, 9, "An identifier was expected after the '|' sign")]
    [InlineData("{% liquid\n if a\n if b\n endif\n endif %}", 1, 10, "Unknown tag 'liquid'")]
    public async Task RenderAsync_SyntaxError_ReportsLineAndColumn(string template, int line, int column, string message)
    {
        var result = await kit.RenderAsync(ThemeTestKit.Inline(template));

        result.Error.ShouldBe(new ThemeError("templates/index.liquid", line, column, message));
    }

    [Fact]
    public async Task RenderAsync_SyntaxErrorInSnippet_ReportsSnippetLine()
    {
        var theme = ThemeTestKit.Inline("{% render 'card' %}", ("snippets/card.liquid", "ok\nok {% if %}"));

        var result = await kit.RenderAsync(theme);

        result.Error!.Path.ShouldBe("snippets/card.liquid");
        result.Error.Line.ShouldBe(2);
    }

    [Fact]
    public async Task RenderAsync_AfterHostileRenders_ProcessStillRendersNormally()
    {
        await kit.RenderAsync(ThemeTestKit.Inline("{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}"));
        await kit.RenderAsync(ThemeTestKit.Inline("{% render 'x' %}", ("snippets/x.liquid", "{% render 'x' %}")));

        var html = await kit.HtmlAsync("{{ shop.name }}");

        html.ShouldBe("Northwind Growth");
    }

    private sealed record SecretHolder(string ApiKey);
}
