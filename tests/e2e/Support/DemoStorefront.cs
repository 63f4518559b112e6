using System.Text.RegularExpressions;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>The real Storefront on its embedded defaults (demo seed), sending email to maildev, with the banner's logins read back.</summary>
public sealed partial class DemoStorefront : IAsyncLifetime
{
    public StorefrontProcess Process { get; private set; } = default!;

    public MailDev Mail { get; private set; } = default!;

    public string BaseUrl => Process.BaseUrl;

    /// <summary>The demo agency's storefront, on its own origin: <c>http://demo.localhost:{port}</c>.</summary>
    public string ShopUrl => Process.StorefrontUrl("demo");

    public string Banner { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Mail = await MailDev.StartAsync();
        // Every journey of the collection signs its people in from this one loopback address.
        Process = await StorefrontProcess.StartAsync(StorefrontProcess.NewWorkDir(),
            new Dictionary<string, string>(Mail.StorefrontSettings) { ["ResellerKit__SignInAttemptsPerAddress"] = "200" });
        Banner = await Process.WaitForOutputAsync(l => l.Contains("Client-owned account", StringComparison.Ordinal), TimeSpan.FromSeconds(20))
            .ContinueWith(_ => string.Join('\n', Process.Output), TaskScheduler.Default);
    }

    /// <summary>The password the banner printed for a login ("owner@brightside.example / XXXX-…").</summary>
    public string PasswordOf(string email) =>
        Regex.Match(Banner, Regex.Escape(email) + @" / (\S+)").Groups[1].Value is { Length: > 0 } password
            ? password
            : throw new InvalidOperationException($"The banner printed no password for {email}:\n{Banner}");

    public string AgencyKey => AgencyKeyPattern().Match(Banner).Value;

    /// <summary>The platform key the first start generated and printed once.</summary>
    public string PlatformKey => PlatformKeyPattern().Match(Banner).Value;

    public const string PlatformAdmin = "admin@platform.example";

    [GeneratedRegex(@"rk_agency_[A-Za-z0-9_-]+")]
    private static partial Regex AgencyKeyPattern();

    [GeneratedRegex(@"rk_platform_[A-Za-z0-9_-]+")]
    private static partial Regex PlatformKeyPattern();

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await Mail.DisposeAsync();
    }
}
