using Microsoft.AspNetCore.Components;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Widget.Components;
using ResellerKit.Widget.Data;

namespace ResellerKit.Tests.Unit.Widget;

/// <summary>
/// The credits widget rendered alone, as in a circuit, over a scripted <see cref="IWidgetData"/> (<c>data</c>), with the
/// events it emitted (<c>events</c>): what the widget's component tests share.
/// </summary>
public abstract class CreditsWidgetHarness : IDisposable
{
    protected readonly BunitContext context = new();
    protected readonly FakeWidgetData data = new();
    protected readonly List<WidgetEvent> events = [];

    protected CreditsWidgetHarness()
    {
        context.Services.AddLogging();
        context.Services.AddSingleton<IWidgetData>(data);
        context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true)); // as in a circuit
    }

    protected IRenderedComponent<CreditsWidget> Render(string? secret = "rkws_secret") => context.Render<CreditsWidget>(p => p
        .Add(w => w.Agency, "demo")
        .Add(w => w.ClientSecret, secret)
        .Add(w => w.OnEvent, e => events.Add(e)));

    public void Dispose()
    {
        context.Dispose();
        GC.SuppressFinalize(this);
    }
}
