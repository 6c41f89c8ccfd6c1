using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace AseanJapanNews.Web.Caching;

/// <summary>
/// What a cached reader page depends on, as output-cache tags: each page says what it shows (<see cref="DependsOn"/>),
/// and a change evicts exactly the tags it touches (<see cref="ReaderEvictions"/>). One definition for both sides.
/// </summary>
public static class CacheTags
{
    /// <summary>Every cached reader page.</summary>
    public const string Every = "reader";

    /// <summary>A page that shows this article: its own page, and every list, feed or page linking it.</summary>
    public static string Article(int id) => "a:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The home page and all-article lists (any filter without a topic): a new article enters them.</summary>
    public const string Latest = "latest";

    /// <summary>A topic's pages and feed, and lists filtered by it: an article with the topic enters or leaves them.</summary>
    public static string Topic(string slug) => "t:" + slug;

    /// <summary>An archive month or year (Vietnam time).</summary>
    public static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"m:{year}-{month:00}");

    public static string Year(int year) => "y:" + year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The site's feeds.</summary>
    public const string Feeds = "feeds";

    /// <summary>Sitemaps: their lastmod moves with every change.</summary>
    public const string Sitemaps = "sitemaps";

    /// <summary>
    /// Search result pages: any change may change what a query finds (a new article, an edited body), so every change
    /// evicts them; readers' queries are spread thin, so few of them would have been served from the cache anyway.
    /// </summary>
    public const string Searches = "searches";

    /// <summary>Pages that show how many articles there are (the topic list, the archive index, the home's topics).</summary>
    public const string Counts = "counts";

    /// <summary>Records that the page being rendered shows these, so a change to any of them evicts it.</summary>
    public static void DependsOn(this HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context.Tags is { } cacheTags)
        {
            foreach (var tag in tags)
            {
                cacheTags.Add(tag);
            }
        }
    }

    public static void DependsOnArticles(this HttpContext context, IEnumerable<int> ids) => context.DependsOn(ids.Select(Article));
}
