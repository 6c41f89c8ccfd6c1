using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Models;
using AseanJapanNews.Web.Syndication;
using Microsoft.AspNetCore.Mvc;

namespace AseanJapanNews.Web.Controllers;

public sealed class ArticlesController(ArticleCatalog catalog, RelatedArticles related, ArticleMetadata metadata) : ReaderController
{
    [HttpGet("/articles")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!TryParseQuery(out var query, out var error))
        {
            return error!;
        }
        var tags = await catalog.TagsAsync(query.Tags, ct);
        if (UnknownTagsPage(query.Tags, tags) is { } unknown)
        {
            return unknown;
        }
        var articles = await catalog.ListAsync(query, ct);
        if (IsPastLastPage(articles))
        {
            return NotFoundPage("Trang này không có bài viết nào.");
        }
        return View("List", new ArticleListPage("Tất cả bài viết", articles, query, "/articles") { ActiveTags = tags });
    }

    [HttpGet("/articles/{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken ct)
    {
        var article = await catalog.FindAsync(slug, ct);
        if (article is null)
        {
            return NotFoundPage("Không tìm thấy bài viết này.");
        }
        var (previous, next) = await catalog.NeighboursAsync(article, ct);
        return View(new ArticlePage(
            article, await related.ForAsync(article.Id, ct), previous, next,
            metadata.OpenGraph(article), metadata.JsonLd(article)));
    }
}
