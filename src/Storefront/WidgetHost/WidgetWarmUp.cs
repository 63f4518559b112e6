using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Embedding;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.Hosting;
using ResellerKit.Widget.Components;
using ResellerKit.Widget.Data;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// Serves the widget once inside the process as soon as it listens, so that the first visitor of a freshly started
/// node gets a widget as quickly as the hundredth: it renders <see cref="CreditsWidget"/> for the oldest active agency
/// as a visitor of the storefront's own origin whose secret does not verify (the gate and the signing key, the packs,
/// the theme and the components), builds
/// a client's view (balance and usage), and opens and closes one connection to the widget's hub on the node's own
/// address. It only reads. <c>/readyz</c> answers once it is done (or gave up after <see cref="Limit"/>), so a load
/// balancer sends no visitor to a cold node. <c>ResellerKit__WarmUp=false</c> turns it off.
/// </summary>
public sealed class WidgetWarmUp(
    IServiceScopeFactory scopes, IServer server, IHostApplicationLifetime lifetime, Readiness readiness,
    IOptions<ResellerKitOptions> options, PublicUrls urls, ILoggerFactory loggers) : BackgroundService
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    // Shaped like a client secret, signed by nobody: the gate verifies it and answers "signed out".
    private const string WellFormedSecret = ClientSecrets.Prefix + "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private readonly ILogger logger = loggers.CreateLogger<WidgetWarmUp>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.WarmUp == false)
        {
            readiness.MarkWarm();
            return;
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        limit.CancelAfter(Limit);
        var watch = Stopwatch.StartNew();
        try
        {
            if (await RenderAsync(limit.Token) is { } rendered)
            {
                await ConnectAsync(rendered.Slug, rendered.Origin, rendered.Secret, limit.Token);
            }
            logger.LogInformation("The widget is warm ({Elapsed:0} ms)", watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The widget's warm-up did not finish; the first widget this node serves will be slower");
        }
        finally
        {
            readiness.MarkWarm();
        }
    }

    // Returns the agency it rendered, a site it allows (if any) and a secret for one of its open widget sessions (signed
    // here, never stored or sent elsewhere; one that does not verify if none is open), or null when there is no agency yet.
    private async Task<(string Slug, string? Origin, string Secret)?> RenderAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<EngineDbContext>();
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Status == AgencyStatus.Active)
            .OrderBy(a => a.CreatedAt).FirstOrDefaultAsync(ct);
        if (agency is null)
        {
            return null;
        }
        var request = new WidgetRequest(agency.Slug, null, null, null);
        var client = await db.SubAccounts.AsNoTracking().Where(s => s.AgencyId == agency.Id)
            .OrderBy(s => s.CreatedAt).FirstOrDefaultAsync(ct);
        if (client is not null)
        {
            await services.GetRequiredService<WidgetViews>().BuildAsync(new WidgetAccess(WidgetStatus.Ready, agency, client, null), request, ct);
        }

        // The component as the first screen and the circuit render it, for a page on the storefront's own origin.
        var html = await services.GetRequiredService<WidgetScreen>().RenderAsync(
            new WidgetCaller(null, OwnOrigin: true, agency.Slug),
            new WidgetRequest(agency.Slug, WellFormedSecret, null, null)); // checked like a client's: the signing key is loaded
        if (!html.Contains("class=\"rk-title\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The widget of {agency.Slug} rendered as unavailable.");
        }
        var now = DateTimeOffset.UtcNow;
        var session = (await db.WidgetSessions.AsNoTracking().Where(s => s.AgencyId == agency.Id && s.RevokedAt == null).OrderByDescending(s => s.ExpiresAt).Take(50).ToListAsync(ct))
            .FirstOrDefault(s => s.IsActiveAt(now));
        var secret = session is null ? WellFormedSecret : await services.GetRequiredService<ClientSecrets>().IssueAsync(session, ct);
        return (agency.Slug, (await services.GetRequiredService<WidgetOrigins>().ListAsync(agency.Id, ct)).FirstOrDefault(), secret);
    }

    // The requests widget.js makes (its scripts as a browser asks for them, a client's first screen, the hub's negotiation and
    // handshake), from a site the agency allows, so that the allow-list and CORS paths are warm too, or else from the
    // node's own origin.
    private async Task ConnectAsync(string slug, string? allowed, string secret, CancellationToken ct)
    {
        if (OwnAddress() is not { } own)
        {
            return; // not on a socket (the tests' in-memory server)
        }
        // The public URL is always the node's own origin (OwnOrigins); the address it listens on is not, on an https
        // install, where a request that arrives over plain http is handled as https (HttpsBehindProxy).
        var origin = allowed ?? EmbeddingOrigin.Normalize(urls.BaseUrl);
        using var http = new HttpClient { BaseAddress = own };
        http.DefaultRequestHeaders.Add("Origin", origin);
        foreach (var script in new[] { "widget.js", "_framework/blazor.server.js" })
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, script);
            get.Headers.Add("Accept-Encoding", "br, gzip");
            (await http.SendAsync(get, ct)).EnsureSuccessStatusCode();
        }
        using var screen = await http.PostAsync($"{WidgetFirstScreen.ScreenPath.TrimStart('/')}?agency={Uri.EscapeDataString(slug)}",
            new FormUrlEncodedContent([new("agency", slug), new("client-secret", secret)]), ct);
        screen.EnsureSuccessStatusCode();
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, $"{WidgetRegistration.HubPath.TrimStart('/')}/negotiate?agency={Uri.EscapeDataString(slug)}&negotiateVersion=1");
        using var negotiated = await http.SendAsync(negotiate, ct);
        negotiated.EnsureSuccessStatusCode();
        var token = (await negotiated.Content.ReadFromJsonAsync<Negotiation>(ct))?.ConnectionToken
            ?? throw new InvalidOperationException("The widget's hub gave no connection token.");

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", origin);
        var hub = new UriBuilder(new Uri(own, WidgetRegistration.HubPath.TrimStart('/'))) { Scheme = own.Scheme == "https" ? "wss" : "ws", Query = $"agency={Uri.EscapeDataString(slug)}&id={Uri.EscapeDataString(token)}" };
        await socket.ConnectAsync(hub.Uri, ct);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Text, endOfMessage: true, ct);
        var answer = new byte[256];
        await socket.ReceiveAsync(answer, ct);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "warm", ct);
    }

    // The first plain-HTTP address Kestrel listens on, with a wildcard host made loopback.
    private Uri? OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (address is null)
        {
            return null;
        }
        var uri = new Uri(address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://[::1]"));
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    private sealed record Negotiation(string? ConnectionToken);
}
