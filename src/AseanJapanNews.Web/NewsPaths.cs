namespace AseanJapanNews.Web;

/// <summary>The configured paths, resolved to absolute paths once.</summary>
public sealed record NewsPaths(string DatabaseFile, string ContentFolder, string? SearchIndex = null)
{
    /// <summary>The data-protection key ring (cookies, antiforgery tokens), beside the database.</summary>
    public string KeysFolder => Path.Combine(Path.GetDirectoryName(DatabaseFile)!, "keys");

    /// <summary>This node's search index: by default beside the database and named after it (two databases, two indexes).</summary>
    public string SearchIndexFolder => SearchIndex ?? DatabaseFile + ".search";

    public static NewsPaths From(NewsOptions options, string contentRoot) => new(
        Path.GetFullPath(Path.Combine(contentRoot, options.DatabasePath)),
        Path.GetFullPath(Path.Combine(contentRoot, options.ContentPath)),
        options.SearchIndexPath is { Length: > 0 } index ? Path.GetFullPath(Path.Combine(contentRoot, index)) : null);
}
