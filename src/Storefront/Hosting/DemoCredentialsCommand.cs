namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// <c>demo credentials</c>: secrets are printed only once, at first start; this issues fresh ones for the demo
/// agency (a new API key and new passwords) and prints them.
/// </summary>
public sealed class DemoCredentialsCommand : ICommand
{
    public int Tokens => 2;

    public async Task<int> RunAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabasePreparation>().MigrateAsync(CancellationToken.None);
        var credentials = await scope.ServiceProvider.GetRequiredService<DemoSeed>().ReissueCredentialsAsync(CancellationToken.None);
        if (credentials is null)
        {
            Console.WriteLine("There is no demo agency in this database; it is seeded on first start with the embedded defaults.");
            return 1;
        }
        foreach (var line in credentials.Lines())
        {
            Console.WriteLine(line);
        }
        return 0;
    }
}
