namespace AseanJapanNews.Web;

/// <summary>Site settings, bound from the "News" configuration section.</summary>
public sealed class NewsOptions
{
    public const string Section = "News";

    /// <summary>SQLite database file; relative paths are resolved against the app's content root.</summary>
    public string DatabasePath { get; set; } = "App_Data/news.db";

    /// <summary>The content folder (holding <c>articles/</c>); relative to the content root.</summary>
    public string ContentPath { get; set; } = "../../content";

    /// <summary>This node's search index folder; empty: beside the database, named after it (news.db.search).</summary>
    public string SearchIndexPath { get; set; } = "";

    public bool ImportOnStartup { get; set; } = true;

    public int PageSize { get; set; } = 20;

    public string SiteName { get; set; } = "AseanJapanNews";

    /// <summary>Absolute base for canonical links, feeds and the sitemap.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Sign-in attempts allowed per client address per minute (on top of per-account lockout).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Output caching of reader pages; off only to measure the uncached site.</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>
    /// A folder served as plain static files under <c>/static-copy</c> (the benchmark's ceiling: the same bytes
    /// without the app); unset in production.
    /// </summary>
    public string? StaticCopyPath { get; set; }
}
