using ResellerKit.Themes.Rendering;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary>
/// Templates written to hurt the server or other tenants. Each must end quickly with a clear error (file and line
/// where one applies), never crash or hang the process, and never write unbounded output.
/// </summary>
public sealed class HostileTemplateTests
{
    private readonly ThemeTestKit kit = new(ThemeTestKit.Unhurried);

    /// <summary>Each attack, and the budget that must stop it (the renderer reports which one tripped).</summary>
    public static TheoryData<string, string, ThemeLimit> FailingTemplates => new()
    {
        { "a 10-million literal range", "{% for i in (1..10000000) %}{{ i }}{% endfor %}", ThemeLimit.Collection },
        { "a 10-million range from a variable", "{% assign n = 10000000 %}{% assign r = (1..n) %}{{ r.size }}", ThemeLimit.Collection },
        { "an endless nested loop", "{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}", ThemeLimit.Steps },
        { "doubling a string with append", "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s.size }}", ThemeLimit.Output },
        { "doubling a capture", "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}", ThemeLimit.Output },
        { "a replace that multiplies", "{% assign s = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' %}{% for i in (1..10) %}{% assign s = s | replace: 'a', 'aaaaaaaa' %}{% endfor %}", ThemeLimit.Output },
        { "megabytes of output", "{% for i in (1..1000) %}{% for j in (1..90) %}{{ 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }}{% endfor %}{% endfor %}", ThemeLimit.Output },
        { "cycle in a huge loop", "{% for i in (1..1000) %}{% for j in (1..1000) %}{% cycle 'a', 'b', 'c' %}{% endfor %}{% endfor %}", ThemeLimit.Steps },
        { "tablerow over a huge range", "{% tablerow i in (1..5000000) cols: 3 %}{{ i }}{% endtablerow %}", ThemeLimit.Collection },
        { "join of a huge list", "{% assign big = 'x' | append: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' %}{% for i in (1..12) %}{% assign big = big | append: big %}{% endfor %}{% assign list = big | split: ',' %}{% for i in (1..7) %}{% assign list = list | concat: list %}{% endfor %}{{ list | join: ',' | size }}", ThemeLimit.Output },
        { "thousands of large strings kept in a list", KeepsLargeStrings, ThemeLimit.Memory },
    };

    /// <summary>The attack that took one storefront GET from 412 MB to 2.77 GB: 10,000 distinct strings of 128 K characters, all kept.</summary>
    private const string KeepsLargeStrings =
        "{% assign s = 'xxxxxxxxxxxxxxxx' %}{% for i in (1..13) %}{% assign s = s | append: s %}{% endfor %}" +
        "{% assign list = '' | split: ',' %}{% for i in (1..10000) %}{% assign t = s | append: i | split: '|' %}{% assign list = list | concat: t %}{% endfor %}{{ list.size }}";

    [Theory]
    [MemberData(nameof(FailingTemplates))]
    public async Task RenderAsync_ResourceExhaustion_StopsAtTheBudgetThatApplies(string attack, string template, ThemeLimit budget)
    {
        var result = await kit.RenderAsync(ThemeTestKit.Inline(template));

        result.IsSuccess.ShouldBeFalse(attack);
        result.Error.Path.ShouldBe("templates/index.liquid", attack);
        result.Error.Limit.ShouldBe(budget, attack);
    }

    [Fact]
    public async Task RenderAsync_LargeStringsWithinTheMemoryBudget_Render()
    {
        var roomy = new ThemeTestKit(ThemeTestKit.Unhurried with { MaxMemoryBytes = 4L * 1024 * 1024 * 1024, MaxSteps = 1_000_000 });
        var sixtyFour = KeepsLargeStrings.Replace("(1..10000)", "(1..64)", StringComparison.Ordinal);

        var result = await roomy.RenderAsync(ThemeTestKit.Inline(sixtyFour));

        result.Html.ShouldBe("64", "the memory budget, not some other limit, is what stops the 10,000-string attack");
    }

    [Fact]
    public async Task RenderAsync_SlowTemplate_StopsAtTheTimeBudget()
    {
        var slow = new ThemeTestKit(ThemeLimits.Default with { TimeBudget = TimeSpan.FromMilliseconds(200), MaxSteps = int.MaxValue, MaxRecursion = 100 });

        var result = await slow.RenderAsync(ThemeTestKit.Inline(
            "{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}"));

        result.Error!.Limit.ShouldBe(ThemeLimit.Time);
        result.Error.Message.ShouldBe("The page took longer than 200 ms to render. Look for a loop that does too much work.");
    }

    [Fact]
    public async Task RenderAsync_DeepBlockNesting_RefusedByTheParserWithLine()
    {
        var deep = "\n" + string.Concat(Enumerable.Repeat("{% if true %}", 5000)) + string.Concat(Enumerable.Repeat("{% endif %}", 5000));

        var result = await kit.RenderAsync(ThemeTestKit.Inline(deep));

        result.Error!.Limit.ShouldBe(ThemeLimit.ParserDepth);
        (result.Error.Path, result.Error.Line).ShouldBe(("templates/index.liquid", 2));
        result.Error.Message.ShouldStartWith("Blocks, filters or expressions are nested too deeply here");
    }

    [Fact]
    public async Task RenderAsync_HugeFilterChain_RefusedByTheParser()
    {
        var chain = "{{ 'a'" + string.Concat(Enumerable.Repeat(" | upcase", 20_000)) + " }}";

        var result = await kit.RenderAsync(ThemeTestKit.Inline(chain));

        result.Error!.Limit.ShouldBe(ThemeLimit.ParserDepth);
    }

    [Fact]
    public async Task RenderAsync_FilterChainWithinTheParserDepth_Renders()
    {
        var html = await kit.HtmlAsync("{{ 'a'" + string.Concat(Enumerable.Repeat(" | upcase", 20)) + " }}");

        html.ShouldBe("A");
    }

    [Fact]
    public async Task RenderAsync_FileOverSizeCap_Rejected()
    {
        var result = await kit.RenderAsync(ThemeTestKit.Inline(new string('x', 300_000)));

        result.Error!.Message.ShouldContain("the limit is 262,144");
        result.Error.Limit.ShouldBe(ThemeLimit.FileSize);
    }

    [Fact]
    public async Task RenderAsync_ThemeOverTotalSizeCap_Rejected()
    {
        var files = Enumerable.Range(0, 20).Select(i => ($"assets/big{i}.css", new string('x', 250_000))).ToArray();

        var result = await kit.RenderAsync(ThemeTestKit.Inline("hi", files));

        result.Error!.Message.ShouldContain("more than 4,194,304 characters");
        result.Error.Limit.ShouldBe(ThemeLimit.ThemeSize);
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
    public async Task RenderAsync_AfterHostileRenders_ProcessStillRendersNormally()
    {
        await kit.RenderAsync(ThemeTestKit.Inline("{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}"));
        await kit.RenderAsync(ThemeTestKit.Inline("{% render 'x' %}", ("snippets/x.liquid", "{% render 'x' %}")));

        var html = await kit.HtmlAsync("{{ shop.name }}");

        html.ShouldBe("Northwind Growth");
    }
}
