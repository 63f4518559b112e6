using Microsoft.Extensions.Options;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.Email;
using ResellerKit.Storefront.Shop;

namespace ResellerKit.Storefront.Hosting;

public static class Startup
{
    /// <summary>
    /// Migrates, creates the platform key, seeds the demo on the embedded defaults, and prints the
    /// console banner once the server listens.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var preparation = services.GetRequiredService<DatabasePreparation>();
        await preparation.MigrateAsync(app.Lifetime.ApplicationStopping);
        var generatedPlatformKey = await services.GetRequiredService<PlatformKeyStore>().EnsureAsync(app.Lifetime.ApplicationStopping);

        var options = services.GetRequiredService<IOptions<ResellerKitOptions>>().Value;
        var seedDemo = options.SeedDemo ?? services.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.Sqlite;
        var demo = seedDemo ? await services.GetRequiredService<DemoSeed>().SeedAsync(app.Lifetime.ApplicationStopping) : null;

        var urls = app.Services.GetRequiredService<PublicUrls>();
        var storefronts = app.Services.GetRequiredService<StorefrontHosts>();
        var payments = await Payments.PaymentsBanner.LoadAsync(app.Services, app.Lifetime.ApplicationStopping);
        var mailFolder = app.Services.GetService<PickupFolderTransport>()?.Folder;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (!app.Environment.IsDevelopment())
            {
                StorefrontSite.WarnIfShared(app.Logger, urls, storefronts);
            }

            foreach (var line in Banner.Lines(urls, storefronts, generatedPlatformKey, demo, mailFolder, payments))
            {
                Console.WriteLine(line);
            }
        });
    }
}
