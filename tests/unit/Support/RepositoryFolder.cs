namespace ResellerKit.Tests.Unit.Support;

/// <summary>The checkout's root (where ResellerKit.sln is), for tests that read the repository's own files.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ResellerKit.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("ResellerKit.sln not found above the test's folder.");
    }
}
