using System.ServiceModel.Syndication;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Xml;
using System.Xml.Linq;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Web.Syndication;

/// <summary>What a feed is about: the site, or one tag.</summary>
public sealed record FeedChannel(string Title, string Description, Uri Page, Uri RssUrl, Uri AtomUrl);

/// <summary>
/// RSS 2.0 and Atom 1.0 feeds, written by System.ServiceModel.Syndication: absolute URLs, dates in Vietnam
/// time (+07:00), the sapo as summary, the full article HTML as content, tags as categories.
/// </summary>
public sealed class FeedWriter(SiteUrls urls)
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    public const string RssContentType = "application/rss+xml; charset=utf-8";
    public const string AtomContentType = "application/atom+xml; charset=utf-8";

    public byte[] Rss(FeedChannel channel, IReadOnlyList<FeedArticle> articles)
    {
        var feed = Build(channel, articles, channel.RssUrl);
        feed.AttributeExtensions.Add(new XmlQualifiedName("content", XmlnsNamespace), ContentNamespace);
        feed.AttributeExtensions.Add(new XmlQualifiedName("dc", XmlnsNamespace), DublinCoreNamespace);
        feed.AttributeExtensions.Add(new XmlQualifiedName("atom", XmlnsNamespace), AtomNamespace);
        // RSS 2.0 best practice: the feed names its own address.
        feed.ElementExtensions.Add(new XElement(XName.Get("link", AtomNamespace),
            new XAttribute("href", channel.RssUrl), new XAttribute("rel", "self"), new XAttribute("type", "application/rss+xml")));
        foreach (var (item, article) in feed.Items.Zip(articles))
        {
            // RSS has no element for full content; content:encoded is what readers look for.
            item.ElementExtensions.Add("encoded", ContentNamespace, ContentHtml(article));
            // RSS's own <author> must be an e-mail address; a byline is a name.
            if (article.Author is { } author)
            {
                item.ElementExtensions.Add("creator", DublinCoreNamespace, author);
            }
        }
        // Keep the RSS plain RSS: no Atom elements beside the RSS ones, except the self link below.
        return Write(new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false));
    }

    public byte[] Atom(FeedChannel channel, IReadOnlyList<FeedArticle> articles)
    {
        var feed = Build(channel, articles, channel.AtomUrl);
        foreach (var (item, article) in feed.Items.Zip(articles))
        {
            item.Content = SyndicationContent.CreateHtmlContent(ContentHtml(article));
        }
        return Write(new Atom10FeedFormatter(feed));
    }

    /// <summary>
    /// The article as the page shows it, credit included: an article taken from another outlet names it in the feed too.
    /// </summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static string ContentHtml(FeedArticle article)
    {
        var html = ArticleMarkdown.ToHtml(article.Body);
        if (article.SourceName is null && article.SourceUrl is null)
        {
            return html;
        }
        var name = Html.Encode(article.SourceName ?? new Uri(article.SourceUrl!).Host);
        var credit = article.SourceUrl is { } url ? $"<a href=\"{Html.Encode(url)}\">{name}</a>" : name;
        return $"{html}\n<p>Nguồn: {credit}</p>\n";
    }

    private SyndicationFeed Build(FeedChannel channel, IReadOnlyList<FeedArticle> articles, Uri self)
    {
        var items = articles.Select(Item).ToList();
        var feed = new SyndicationFeed(channel.Title, channel.Description, channel.Page, self.ToString(),
            items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : VietnamTime.ToVietnam(DateTime.UnixEpoch), items)
        {
            Language = "vi",
            Generator = urls.SiteName,
        };
        feed.Authors.Add(new SyndicationPerson { Name = urls.SiteName, Uri = urls.Home.ToString() });
        feed.Links.Add(new SyndicationLink(self, "self", channel.Title, self == channel.RssUrl ? "application/rss+xml" : "application/atom+xml", 0));
        return feed;
    }

    private SyndicationItem Item(FeedArticle article)
    {
        var url = urls.Article(article.Slug);
        var published = VietnamTime.ToVietnam(article.PublishedAtUtc);
        var updated = VietnamTime.ToVietnam(article.ModifiedAtUtc);
        var item = new SyndicationItem(article.Title, (SyndicationContent?)null, url, url.ToString(), updated)
        {
            PublishDate = published,
            Summary = new TextSyndicationContent(article.Summary.Length > 0 ? article.Summary : article.Title),
        };
        if (article.Author is { } author)
        {
            item.Authors.Add(new SyndicationPerson { Name = author });
        }
        foreach (var tag in article.Tags)
        {
            item.Categories.Add(new SyndicationCategory(tag.Name) { Label = tag.Name });
        }
        return item;
    }

    private static byte[] Write(SyndicationFeedFormatter formatter)
    {
        using var stream = new MemoryStream();
        using (var writer = WellFormedXmlWriter.Open(stream))
        {
            formatter.WriteTo(writer);
        }
        return stream.ToArray();
    }
}
