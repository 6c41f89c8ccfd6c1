using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace AseanJapanNews.Web.Controllers;

public sealed class HomeController(ArticleCatalog catalog) : ReaderController
{
    [HttpGet(ReaderPaths.Home)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!TryParseQuery(out var query, out var error))
        {
            return error!;
        }
        // The home page is the plain latest list; a filter asked of it is answered where filters live.
        if (query.HasFilters)
        {
            return LocalRedirectPermanent(ReaderPaths.Articles + Request.QueryString);
        }
        var articles = await catalog.Lists.PageAsync(query, ct);
        if (IsPastLastPage(articles))
        {
            return NotFoundPage("Trang này không có bài viết nào.");
        }
        ViewBag.TopTags = await catalog.Tags.MostUsedAsync(12, ct);
        HttpContext.DependsOn(CacheTags.Latest, CacheTags.Counts);
        HttpContext.DependsOnArticles(articles.Items.Select(a => a.Id));
        return View(new ArticleListPage("Tin mới nhất", articles, query, ReaderPaths.Home));
    }
}
