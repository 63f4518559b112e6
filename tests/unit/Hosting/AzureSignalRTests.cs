using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Azure.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Hosting;

/// <summary>
/// Azure SignalR Service carries circuits only when <c>Azure:SignalR:ConnectionString</c> is set. No emulator runs
/// Blazor, so the service is pointed at a closed loopback port: the wiring is checked, not a live connection.
/// </summary>
public sealed class AzureSignalRTests(SqliteApi plain, AzureSignalRApi azure) : IClassFixture<SqliteApi>, IClassFixture<AzureSignalRApi>
{
    private static readonly Type CircuitHub = Type.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub, Microsoft.AspNetCore.Components.Server", throwOnError: true)!;

    [Fact]
    public async Task Circuits_WithoutTheSetting_AreServedByTheNodeItself()
    {
        using var response = await plain.CreateClient().PostAsync("/_blazor/negotiate?negotiateVersion=1", null, Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.TryGetProperty("connectionToken", out _).ShouldBeTrue("the node negotiates its own connection");
        body.TryGetProperty("url", out _).ShouldBeFalse("no redirect to a service");
        LifetimeManagerOf(plain.Services).GetType().Name.ShouldStartWith("DefaultHubLifetimeManager");
        plain.Services.GetService<IOptions<ServiceOptions>>()?.Value.ConnectionString.ShouldBeNull();
    }

    [Fact]
    public void Circuits_WithTheSetting_GoThroughTheServiceWithRequiredStickyMode()
    {
        var options = azure.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;

        LifetimeManagerOf(azure.Services).GetType().Namespace.ShouldStartWith("Microsoft.Azure.SignalR");
        options.ServerStickyMode.ShouldBe(ServerStickyMode.Required);
        options.ConnectionString.ShouldBe(AzureSignalRApi.ServiceConnectionString);
    }

    private static object LifetimeManagerOf(IServiceProvider services) =>
        services.GetRequiredService(typeof(HubLifetimeManager<>).MakeGenericType(CircuitHub));
}

/// <summary>The Storefront with Azure SignalR configured, against a loopback port where nothing listens.</summary>
public sealed class AzureSignalRApi() : ApiFixture(DatabaseProvider.Sqlite)
{
    public const string ServiceConnectionString = "Endpoint=http://127.0.0.1:9;AccessKey=dGVzdC1hY2Nlc3Mta2V5LWZvci13aXJpbmctdGVzdHMtb25seQ==;Version=1.0;";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Azure:SignalR:ConnectionString"] = ServiceConnectionString,
    };
}
