namespace ResellerKit.Tests.E2e.Support;

/// <summary>Where the repository and the published Storefront are.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>./test.sh publishes here; by hand: <c>dotnet publish src/Storefront -c Release -o artifacts/storefront</c>.</summary>
    public static string StorefrontDll
    {
        get
        {
            var dll = Path.Combine(Root, "artifacts", "storefront", "ResellerKit.Storefront.dll");
            return File.Exists(dll)
                ? dll
                : throw new FileNotFoundException(
                    "The published Storefront is missing. Run ./test.sh, or: dotnet publish src/Storefront -c Release -o artifacts/storefront", dll);
        }
    }

    public static string Artifacts(string folder) =>
        Directory.CreateDirectory(Path.Combine(Root, "artifacts", folder)).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResellerKit.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find ResellerKit.sln above " + AppContext.BaseDirectory);
    }
}
