using System.Text;
using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Syndication;
using AseanJapanNews.Web.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace AseanJapanNews.Web.Controllers;

/// <summary>What search engines read: the sitemap index, its sitemaps, and robots.txt.</summary>
[OutputCache(PolicyName = ReaderPagesPolicy.Name)]
public sealed class SeoController(ArticleCatalog catalog, SitemapWriter sitemap) : Controller
{
    /// <summary>Every change moves some sitemap's lastmod; there are few sitemaps, so every change evicts them.</summary>
    public override void OnActionExecuting(Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext context) =>
        HttpContext.DependsOn(CacheTags.Sitemaps);

    [HttpGet(ReaderPaths.SitemapIndex)]
    public async Task<IActionResult> Sitemap(CancellationToken ct) =>
        File(sitemap.Index(await catalog.Syndication.SitemapMonthsAsync(ct)), SitemapWriter.ContentType);

    [HttpGet(ReaderPaths.SitemapOfPages)]
    public async Task<IActionResult> Pages(CancellationToken ct) =>
        File(sitemap.Pages(await catalog.Syndication.SitemapPagesAsync(ct)), SitemapWriter.ContentType);

    [HttpGet(ReaderPaths.SitemapOfMonthRoute)]
    public async Task<IActionResult> Articles(int year, int month, CancellationToken ct)
    {
        // Only months the index lists: an empty or impossible month is not a sitemap.
        if (!VietnamTime.IsYearInRange(year) || month is < 1 or > 12)
        {
            return NotFound();
        }
        var articles = await catalog.Syndication.SitemapArticlesAsync(year, month, ct);
        return articles.Count == 0 ? NotFound() : File(sitemap.Articles(articles), SitemapWriter.ContentType);
    }

    [HttpGet(ReaderPaths.Robots)]
    public IActionResult Robots() => Content(sitemap.Robots(), "text/plain; charset=utf-8", Encoding.UTF8);
}
