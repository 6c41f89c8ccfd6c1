using System.Globalization;

namespace AseanJapanNews.Web;

/// <summary>
/// Every address of the reader side, each said once: the route template its action answers (<c>…Route</c>) beside the
/// path a link to it is written with, so the two cannot drift apart. Controllers, views, feeds and sitemaps all write
/// their links here. Written as strings, not with routing's link generation, which a list page ran for each of its
/// ~90 links. Slugs are made of a–z, 0–9 and hyphens; escaping keeps any other slug safe.
/// </summary>
public static class ReaderPaths
{
    public const string Home = "/";

    public const string Articles = "/articles";
    public const string ArticleRoute = Articles + "/{slug}";
    public static string Article(string slug) => $"{Articles}/{Uri.EscapeDataString(slug)}";

    public const string Tags = "/tags";
    public const string TagRoute = Tags + "/{slug}";
    public static string Tag(string slug) => $"{Tags}/{Uri.EscapeDataString(slug)}";

    public const string TagRssRoute = TagRoute + RssFile;
    public const string TagAtomRoute = TagRoute + AtomFile;
    public static string TagRss(string slug) => Tag(slug) + RssFile;
    public static string TagAtom(string slug) => Tag(slug) + AtomFile;

    public const string Archive = "/archive";
    public const string ArchiveYearRoute = Archive + "/{year}";
    public const string ArchiveMonthRoute = ArchiveYearRoute + "/{month}";
    public static string ArchiveYear(int year) => string.Create(CultureInfo.InvariantCulture, $"{Archive}/{year}");
    public static string ArchiveMonth(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{Archive}/{year}/{month:00}");

    public const string Search = "/search";

    public const string Rss = RssFile;
    public const string Atom = AtomFile;
    private const string RssFile = "/feed.xml";
    private const string AtomFile = "/atom.xml";

    public const string SitemapIndex = "/sitemap.xml";
    public const string SitemapOfPages = "/sitemaps/pages.xml";
    public const string SitemapOfMonthRoute = "/sitemaps/articles-{year:int}-{month:int}.xml";
    public static string SitemapOfMonth(int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"/sitemaps/articles-{year}-{month:00}.xml");

    public const string Robots = "/robots.txt";
}
