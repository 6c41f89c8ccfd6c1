using System.Xml;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Web.Syndication;

/// <summary>
/// The sitemaps (sitemaps.org 0.9) and robots.txt, with absolute URLs from the configured base URL. A sitemap holds
/// at most 50,000 URLs, and 100,000 articles made one of 104,000 (17 MB), so <c>/sitemap.xml</c> is an index: one
/// sitemap of the pages that are not articles, and one per month of articles, each with when it last changed so a
/// search engine re-reads only those. A month would need 1,600 articles a day to reach the limit.
/// </summary>
public sealed class SitemapWriter(SiteUrls urls)
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string ContentType = "application/xml; charset=utf-8";

    public byte[] Index(IReadOnlyList<SitemapMonth> months) => Write("sitemapindex", xml =>
    {
        Entry(xml, "sitemap", urls.Absolute(ReaderPaths.SitemapOfPages), Latest(months));
        foreach (var month in months)
        {
            Entry(xml, "sitemap", urls.Absolute(ReaderPaths.SitemapOfMonth(month.Year, month.Month)), month.LastModifiedUtc);
        }
    });

    public byte[] Pages(SitemapPages pages) => Write("urlset", xml =>
    {
        Entry(xml, "url", urls.Home, Latest(pages.Months));
        foreach (var tag in pages.Tags)
        {
            Entry(xml, "url", urls.Tag(tag.Slug), tag.LatestUtc);
        }
        foreach (var month in pages.Months)
        {
            Entry(xml, "url", urls.Archive(month.Year, month.Month), month.LastModifiedUtc);
        }
    });

    public byte[] Articles(IReadOnlyList<SitemapArticle> articles) => Write("urlset", xml =>
    {
        foreach (var article in articles)
        {
            Entry(xml, "url", urls.Article(article.Slug), article.LastModifiedUtc);
        }
    });

    public string Robots() =>
        $"""
        User-agent: *
        Disallow: /admin

        Sitemap: {urls.Absolute(ReaderPaths.SitemapIndex)}

        """;

    private static DateTime? Latest(IReadOnlyList<SitemapMonth> months) =>
        months.Count > 0 ? months.Max(m => m.LastModifiedUtc) : null;

    private static byte[] Write(string root, Action<XmlWriter> entries)
    {
        using var stream = new MemoryStream();
        using (var xml = WellFormedXmlWriter.Open(stream))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(root, Namespace);
            entries(xml);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static void Entry(XmlWriter xml, string element, Uri location, DateTime? lastModifiedUtc)
    {
        xml.WriteStartElement(element, Namespace);
        xml.WriteElementString("loc", Namespace, location.ToString());
        if (lastModifiedUtc is { } utc)
        {
            xml.WriteElementString("lastmod", Namespace, VietnamTime.Iso(utc));
        }
        xml.WriteEndElement();
    }
}
