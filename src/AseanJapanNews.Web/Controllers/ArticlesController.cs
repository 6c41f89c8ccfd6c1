using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace AseanJapanNews.Web.Controllers;

public sealed class ArticlesController(ArticleCatalog catalog, ArticlePages pages) : ReaderController
{
    [HttpGet(ReaderPaths.Articles)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!TryParseQuery(out var query, out var error))
        {
            return error!;
        }
        var tags = await catalog.Tags.NamedAsync(query.Tags, ct);
        if (UnknownTagsPage(query.Tags, tags) is { } unknown)
        {
            return unknown;
        }
        var articles = await catalog.Lists.PageAsync(query, ct);
        if (IsPastLastPage(articles))
        {
            return NotFoundPage("Trang này không có bài viết nào.");
        }
        // Narrowed by a topic, only that topic's articles can enter it; otherwise any new article can.
        HttpContext.DependsOn(query.Tags is [var first, ..] ? CacheTags.Topic(first) : CacheTags.Latest);
        HttpContext.DependsOnArticles(articles.Items.Select(a => a.Id));
        return View("List", new ArticleListPage("Tất cả bài viết", articles, query, ReaderPaths.Articles) { ActiveTags = tags });
    }

    [HttpGet(ReaderPaths.ArticleRoute)]
    public async Task<IActionResult> Show(string slug, CancellationToken ct)
    {
        var page = await pages.FindAsync(slug, ct);
        if (page is not null)
        {
            HttpContext.DependsOnArticles([page.Article.Id, .. page.Related.Select(r => r.Id), .. new[] { page.Previous, page.Next }.OfType<ArticleLink>().Select(l => l.Id)]);
            return View(page);
        }
        // An address the article had before an editor changed it.
        return await catalog.Articles.MovedToAsync(slug, ct) is { } moved
            ? LocalRedirectPermanent(ReaderPaths.Article(moved))
            : NotFoundPage("Không tìm thấy bài viết này.");
    }
}
