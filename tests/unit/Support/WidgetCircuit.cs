using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Storefront.WidgetHost;
using ResellerKit.Widget.Data;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>The widget's data service as a live widget's circuit sees it, for tests of what a widget call may see and do.</summary>
public static class WidgetCircuit
{
    /// <summary>The widget for the client with this secret, as the circuit loads it (from <see cref="WidgetDriver.Site"/> by default).</summary>
    public static Task<WidgetView> LoadWidgetAsync(this ApiFixture api, string slug, string? secret, WidgetCaller? caller = null) =>
        api.WithWidgetDataAsync(slug, d => d.LoadAsync(new WidgetRequest(slug, secret, "en-US", null), Ct), caller);

    /// <summary>The widget's data service as a circuit sees it, opened from <paramref name="caller"/> (the allowed site by default).</summary>
    public static async Task<T> WithWidgetDataAsync<T>(this ApiFixture api, string slug, Func<IWidgetData, Task<T>> use, WidgetCaller? caller = null)
    {
        var principal = (caller ?? new WidgetCaller(WidgetDriver.Site, false, slug)).ToPrincipal();
        var data = new WidgetData(api.Services.GetRequiredService<IServiceScopeFactory>(), new FixedAuthentication(principal));
        return await use(data);
    }

    private sealed class FixedAuthentication(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
