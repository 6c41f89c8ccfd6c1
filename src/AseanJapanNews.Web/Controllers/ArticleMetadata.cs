using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Syndication;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Web.Controllers;

/// <summary>What link previews and search engines read about an article: OpenGraph tags and JSON-LD NewsArticle.</summary>
public sealed class ArticleMetadata(SiteUrls urls)
{
    // Vietnamese stays readable, while < > & ' are still written as \u escapes, so the JSON can never close
    // the <script> element it sits in ("</script>" in a title becomes "\u003C/script\u003E").
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public IReadOnlyList<KeyValuePair<string, string>> OpenGraph(ReaderArticle article)
    {
        var tags = new List<KeyValuePair<string, string>>
        {
            new("og:type", "article"),
            new("og:title", article.Title),
            new("og:description", Description(article)),
            new("og:url", urls.Article(article.Slug).ToString()),
            new("og:site_name", urls.SiteName),
            new("og:locale", "vi_VN"),
            new("article:published_time", VietnamTime.Iso(article.PublishedAtUtc)),
            new("article:modified_time", VietnamTime.Iso(article.ModifiedAtUtc)),
        };
        tags.AddRange(article.Tags.Select(t => new KeyValuePair<string, string>("article:tag", t.Name)));
        return tags;
    }

    public string JsonLd(ReaderArticle article)
    {
        var url = urls.Article(article.Slug).ToString();
        var publisher = new JsonObject
        {
            ["@type"] = "Organization",
            ["name"] = urls.SiteName,
            ["url"] = urls.Home.ToString(),
        };
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = article.Title,
            ["description"] = Description(article),
            ["datePublished"] = VietnamTime.Iso(article.PublishedAtUtc),
            ["dateModified"] = VietnamTime.Iso(article.ModifiedAtUtc),
            // Without a byline the outlet the article came from is its author, and only then the publisher.
            ["author"] = article.Author is { } name
                ? new JsonObject { ["@type"] = "Person", ["name"] = name }
                : SourceOrganization(article) ?? publisher.DeepClone(),
            ["publisher"] = publisher,
            ["keywords"] = new JsonArray(article.Tags.Select(t => (JsonNode?)JsonValue.Create(t.Name)).ToArray()),
            ["inLanguage"] = "vi",
            ["url"] = url,
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = url },
        };
        if (article.SourceUrl is { } source)
        {
            data["isBasedOn"] = source;
        }
        return data.ToJsonString(Json);
    }

    private static JsonObject? SourceOrganization(ReaderArticle article)
    {
        if (article.SourceName is null && article.SourceUrl is null)
        {
            return null;
        }
        var outlet = new JsonObject { ["@type"] = "Organization", ["name"] = article.SourceName ?? new Uri(article.SourceUrl!).Host };
        if (article.SourceUrl is { } url)
        {
            outlet["url"] = new Uri(url).GetLeftPart(UriPartial.Authority);
        }
        return outlet;
    }

    /// <summary>The sapo, or the title when an article has none.</summary>
    public static string Description(ReaderArticle article) => article.Summary.Length > 0 ? article.Summary : article.Title;
}
