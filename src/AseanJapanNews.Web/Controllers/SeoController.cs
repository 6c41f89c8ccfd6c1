using System.Text;
using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Syndication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace AseanJapanNews.Web.Controllers;

/// <summary>What search engines read: the sitemap and robots.txt.</summary>
[OutputCache(PolicyName = ReaderPagesPolicy.Name)]
public sealed class SeoController(ArticleCatalog catalog, SitemapWriter sitemap) : Controller
{
    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken ct) =>
        File(sitemap.Sitemap(await catalog.SitemapAsync(ct)), SitemapWriter.ContentType);

    [HttpGet("/robots.txt")]
    public IActionResult Robots() => Content(sitemap.Robots(), "text/plain; charset=utf-8", Encoding.UTF8);
}
