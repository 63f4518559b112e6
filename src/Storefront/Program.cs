using ResellerKit.Storefront.Api;
using ResellerKit.Storefront.Email;
using ResellerKit.Storefront.Health;
using ResellerKit.Storefront.Hosting;
using ResellerKit.Storefront.Payments;
using ResellerKit.Storefront.Shop;
using ResellerKit.Storefront.WidgetHost;

var builder = WebApplication.CreateBuilder(CommandLine.WithoutCommand(args));
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
app.MapUnsubscribe();
app.MapWidget();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
