using ResellerKit.Storefront.Api;
using ResellerKit.Storefront.BackOffice;
using ResellerKit.Storefront.Branding;
using ResellerKit.Storefront.Email;
using ResellerKit.Storefront.Health;
using ResellerKit.Storefront.Hosting;
using ResellerKit.Storefront.Payments;
using ResellerKit.Storefront.Shop;
using ResellerKit.Storefront.WidgetHost;

// The content root (appsettings, wwwroot) is the app's own folder, wherever it is started from; relative data paths
// such as the default SQLite file stay relative to the working folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = CommandLine.WithoutCommand(args),
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddResellerKit();
builder.AddWidget();

var app = builder.Build();
if (CommandLine.Command(args) is { } command)
{
    return await command.RunAsync(app);
}

await app.PrepareDatabaseAsync();
app.UseResellerKit();
app.MapHealth();
app.MapApi();
app.MapPayments();
app.MapShop();
app.MapFavicons();
app.MapUnsubscribe();
app.MapBackOffice();
app.MapWidget();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
