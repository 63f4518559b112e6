using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using ResellerKit.Storefront.Hosting;
using ResellerKit.Widget.Components;
using ResellerKit.Widget.Data;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// Renders <see cref="CreditsWidget"/> to HTML, as a caller would see it live: the first screen widget.js shows before
/// the circuit is up (<see cref="WidgetFirstScreen"/>), and the warm-up's render. The same component and the same
/// <see cref="IWidgetData"/> as the circuit, so the first screen and the live widget cannot disagree.
/// </summary>
public sealed class WidgetScreen(IServiceProvider services, ILoggerFactory loggers, PublicUrls urls)
{
    private bool navigable;

    /// <summary>Makes <paramref name="caller"/> the one <see cref="IWidgetData"/> answers for in this scope.</summary>
    public void Act(WidgetCaller caller) =>
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(caller.ToPrincipal())));

    /// <param name="checkout">A checkout the caller started from the first screen, shown as open.</param>
    public async Task<string> RenderAsync(WidgetCaller caller, WidgetRequest request, string? checkout = null)
    {
        Act(caller);
        if (!navigable)
        {
            // A static render writes forms' action from it (the first screen's custom quantity; widget.js handles its submit).
            var baseUrl = urls.BaseUrl.TrimEnd('/') + "/";
            ((IHostEnvironmentNavigationManager)services.GetRequiredService<NavigationManager>()).Initialize(baseUrl, baseUrl);
            navigable = true;
        }
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<CreditsWidget>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(CreditsWidget.Agency)] = request.Agency,
                [nameof(CreditsWidget.ClientSecret)] = request.ClientSecret,
                [nameof(CreditsWidget.Locale)] = request.Locale,
                [nameof(CreditsWidget.Accent)] = request.Accent,
                [nameof(CreditsWidget.Checkout)] = checkout,
            }))).ToHtmlString());
    }
}
