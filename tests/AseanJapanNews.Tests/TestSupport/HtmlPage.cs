using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AseanJapanNews.Tests.TestSupport;

/// <summary>A fetched page, parsed, with its status, for assertions on what a reader sees.</summary>
public sealed record HtmlPage(HttpStatusCode Status, IDocument Document, string Html)
{
    private static readonly HtmlParser Parser = new();

    public static async Task<HtmlPage> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new HtmlPage(response.StatusCode, Parser.ParseDocument(html), html);
    }

    public string Text(string selector) => Document.QuerySelector(selector)?.TextContent.Trim() ?? "";

    public IReadOnlyList<string> Texts(string selector) =>
        Document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();

    public IReadOnlyList<string> ArticleTitles => Texts(".article-card .card-title");

    /// <summary>The href of every element matching <paramref name="selector"/>.</summary>
    public IReadOnlyList<string> Hrefs(string selector) =>
        Document.QuerySelectorAll(selector).Select(e => e.GetAttribute("href") ?? "").ToList();

    /// <summary>The slugs of the listed articles, in page order.</summary>
    public IReadOnlyList<string> ArticleSlugs =>
        Hrefs(".article-card .card-title a").Select(h => h["/articles/".Length..]).ToList();

    /// <summary>The &lt;html lang&gt; of the page.</summary>
    public string? Lang => Document.DocumentElement.GetAttribute("lang");

    /// <summary>All visible text of the page body, whitespace folded.</summary>
    public string BodyText => string.Join(' ', (Document.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
