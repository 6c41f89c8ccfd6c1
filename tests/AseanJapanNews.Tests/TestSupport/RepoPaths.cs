namespace AseanJapanNews.Tests.TestSupport;

/// <summary>Paths in the repository, found from the test binaries by walking up to the solution file.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string Content => Path.Combine(Root, "content");

    /// <summary>The raw launch texts, beside the repository (../shared/seeds).</summary>
    public static string Seeds => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AseanJapanNews.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("AseanJapanNews.sln not found above " + AppContext.BaseDirectory);
    }
}
