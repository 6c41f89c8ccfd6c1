using System.Text;
using System.Xml;
using AseanJapanNews.Web.Models;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Web.Syndication;

/// <summary>The sitemap (sitemaps.org 0.9) and robots.txt, with absolute URLs from the configured base URL.</summary>
public sealed class SitemapWriter(SiteUrls urls)
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string ContentType = "application/xml; charset=utf-8";

    public byte[] Sitemap(SitemapEntries entries)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            Url(xml, urls.Home, entries.Articles.Count > 0 ? entries.Articles.Max(a => a.LastModifiedUtc) : null);
            foreach (var article in entries.Articles)
            {
                Url(xml, urls.Article(article.Slug), article.LastModifiedUtc);
            }
            foreach (var tag in entries.Tags)
            {
                Url(xml, urls.Tag(tag.Slug), tag.LatestUtc);
            }
            foreach (var month in entries.Months)
            {
                Url(xml, urls.Archive(month.Year, month.Month), null);
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    public string Robots() =>
        $"""
        User-agent: *
        Disallow: /admin

        Sitemap: {urls.Absolute("/sitemap.xml")}

        """;

    private static void Url(XmlWriter xml, Uri location, DateTime? lastModifiedUtc)
    {
        xml.WriteStartElement("url", Namespace);
        xml.WriteElementString("loc", Namespace, location.ToString());
        if (lastModifiedUtc is { } utc)
        {
            xml.WriteElementString("lastmod", Namespace, VietnamTime.Iso(utc));
        }
        xml.WriteEndElement();
    }
}
