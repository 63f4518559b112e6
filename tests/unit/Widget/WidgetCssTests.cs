using ResellerKit.Widget.Components;
using ResellerKit.Widget.Data;

namespace ResellerKit.Tests.Unit.Widget;

/// <summary>The widget's stylesheet is written into a style element: nothing in it, nor in an agency's colours, can end it.</summary>
public sealed class WidgetCssTests
{
    [Fact]
    public void Base_RenderedAsMarkup_HoldsNothingHtmlWouldReadAsATagOrEntity() =>
        WidgetCss.Base.IndexOfAny(['<', '&']).ShouldBe(-1, "the stylesheet is written into the style element as markup");

    [Fact]
    public void Variables_WithAValueThatCouldBreakOutOfTheStyle_DropsIt()
    {
        var css = WidgetCss.Variables(ThemeVars.Default with { Accent = "red;}</style><script>", Surface = "#fff" });

        css.ShouldContain("--rk-accent:initial;");
        css.ShouldContain("--rk-surface:#fff;");
        css.ShouldNotContain("<");
    }
}
