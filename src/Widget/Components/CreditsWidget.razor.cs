using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using ResellerKit.Widget.Data;

namespace ResellerKit.Widget.Components;

/// <summary>
/// The <c>&lt;resellerkit-credits&gt;</c> element: packs and prices, the client's balance and usage, and buying. It
/// is a root component added from JavaScript; its parameters are the element's attributes. Buying and watching a
/// checkout are in <c>CreditsWidget.Checkout.cs</c>.
/// </summary>
public sealed partial class CreditsWidget
{
    /// <summary>The custom element's tag, and the identifier it is registered under for JavaScript.</summary>
    public const string ElementName = "resellerkit-credits";

    /// <summary>What the widget says while a checkout it started is open in another tab.</summary>
    public const string CompleteInCheckout = "Complete your payment in the checkout tab. Your balance updates here when it is done.";

    private readonly CancellationTokenSource disposed = new();
    private WidgetRequest? loaded;
    private WidgetView? view;
    private bool busy;
    private string? message;
    private bool messageIsError;

    [Inject] private IWidgetData Data { get; set; } = default!;

    [Inject] private ILogger<CreditsWidget> Logger { get; set; } = default!;

    /// <summary>The agency's slug (the <c>agency</c> attribute).</summary>
    [Parameter] public string? Agency { get; set; }

    /// <summary>The client secret from <c>POST /api/v1/widget-sessions</c> (the <c>client-secret</c> attribute).</summary>
    [Parameter] public string? ClientSecret { get; set; }

    /// <summary>A locale for money and numbers (<c>de-DE</c>), instead of the agency's.</summary>
    [Parameter] public string? Locale { get; set; }

    /// <summary>An accent colour (<c>#0f766e</c>) instead of the theme's.</summary>
    [Parameter] public string? Accent { get; set; }

    /// <summary>
    /// A checkout this client started before the widget was live (a click on the first screen the loader showed, see
    /// <c>/widget/screen</c>): the widget shows it as started and watches it until the credits land.
    /// </summary>
    [Parameter] public string? Checkout { get; set; }

    /// <summary>Receives the events the loader dispatches on the element (<c>resellerkit:*</c>).</summary>
    [Parameter] public EventCallback<WidgetEvent> OnEvent { get; set; }

    private string Label => view is { Brand.Name.Length: > 0 } v ? $"{v.Brand.Name} credits" : "Credits";

    private bool ShowsPacks => view is { Packs.Count: > 0 } or { Custom: not null } && view.Account is not { Reselling: false };

    private bool CanBuy => view?.Status == WidgetStatus.Ready && view.Account is { Reselling: true } && !busy;

    private WidgetRequest Request => new(Agency ?? "", ClientSecret, Locale, Accent);

    protected override async Task OnParametersSetAsync()
    {
        var request = Request;
        if (request == loaded)
        {
            await ResumeAsync();
            return;
        }
        if (loaded?.ClientSecret != request.ClientSecret)
        {
            pending = null; // Another client (or none): stop watching the previous one's checkout.
            message = null;
        }
        loaded = request;
        await ReloadAsync(announce: true);
        await ResumeAsync();
    }

    private async Task ReloadAsync(bool announce)
    {
        try
        {
            view = await Data.LoadAsync(Request, disposed.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "The widget for {Agency} could not load", Agency);
            view = WidgetView.Unavailable("The credits could not be loaded. Please try again later.");
            await EmitAsync(WidgetEvent.Error, new ErrorDetail("load_failed", view.Notice!));
            return;
        }
        if (announce)
        {
            await EmitAsync(WidgetEvent.Ready, new ReadyDetail(Agency ?? "", StateName(view.Status), view.Account is not null));
            if (view.Status == WidgetStatus.Unavailable)
            {
                await EmitAsync(WidgetEvent.Error, new ErrorDetail("unavailable", view.Notice ?? ""));
            }
        }
    }

    private async Task EmitAsync(string type, object detail)
    {
        if (!OnEvent.HasDelegate)
        {
            return;
        }
        try
        {
            await OnEvent.InvokeAsync(new WidgetEvent(type, detail));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogDebug(e, "The page did not take the {Type} event", type);
        }
    }

    private static string StateName(WidgetStatus status) => status switch
    {
        WidgetStatus.Ready => "ready",
        WidgetStatus.SignedOut => "signed-out",
        WidgetStatus.Paused => "paused",
        _ => "unavailable",
    };

    public ValueTask DisposeAsync()
    {
        disposed.Cancel(); // Not disposed: a poll may still be reading its token.
        return ValueTask.CompletedTask;
    }
}
