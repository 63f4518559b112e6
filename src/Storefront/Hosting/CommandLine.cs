namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// The operator commands that share the web host's configuration:
/// <c>dotnet run --project src/Storefront -- ledger verify</c>, <c>-- demo credentials</c> and <c>-- theme lint &lt;folder&gt;</c>.
/// Anything else on the command line (such as <c>--urls</c>) still configures the host.
/// </summary>
public static class CommandLine
{
    public static ICommand? Command(string[] args) => args switch
    {
        ["ledger", "verify", ..] => new LedgerVerifyCommand(),
        ["demo", "credentials", ..] => new DemoCredentialsCommand(),
        ["theme", "lint", var folder, ..] => new ThemeLintCommand(folder),
        _ => null,
    };

    public static string[] WithoutCommand(string[] args) => Command(args) is { } command ? args[command.Tokens..] : args;
}

public interface ICommand
{
    /// <summary>How many leading arguments name the command.</summary>
    int Tokens { get; }

    Task<int> RunAsync(WebApplication app);
}
