namespace AseanJapanNews.Web;

/// <summary>The configured paths, resolved to absolute paths once.</summary>
public sealed record NewsPaths(string DatabaseFile, string ContentFolder)
{
    /// <summary>The data-protection key ring (cookies, antiforgery tokens), beside the database.</summary>
    public string KeysFolder => Path.Combine(Path.GetDirectoryName(DatabaseFile)!, "keys");

    public static NewsPaths From(NewsOptions options, string contentRoot) => new(
        Path.GetFullPath(Path.Combine(contentRoot, options.DatabasePath)),
        Path.GetFullPath(Path.Combine(contentRoot, options.ContentPath)));
}
