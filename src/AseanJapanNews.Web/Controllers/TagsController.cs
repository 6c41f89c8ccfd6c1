using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Models;
using AseanJapanNews.Web.Text;
using Microsoft.AspNetCore.Mvc;

namespace AseanJapanNews.Web.Controllers;

public sealed class TagsController(ArticleCatalog catalog) : ReaderController
{
    [HttpGet(ReaderPaths.Tags)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        HttpContext.DependsOn(CacheTags.Counts);
        return View(await catalog.Tags.CountsAsync(ct));
    }

    [HttpGet(ReaderPaths.TagRoute)]
    public async Task<IActionResult> Show(string slug, CancellationToken ct)
    {
        if (!TryParseQuery(out var query, out var error))
        {
            return error!;
        }
        // A topic whose articles are all drafts or scheduled does not exist for readers yet.
        var tag = await catalog.Tags.VisibleAsync(slug, ct);
        if (tag is null)
        {
            // A topic typed by its name ("/tags/Nhật Bản") is sent to its address.
            if (Slug.From(slug) is { Length: > 0 } typed && typed != slug && await catalog.Tags.VisibleAsync(typed, ct) is not null)
            {
                return LocalRedirectPermanent(ReaderPaths.Tag(typed) + Request.QueryString);
            }
            return NotFoundPage("Không có chủ đề này.");
        }
        // The tag in the path is the page's subject; ?tag= narrows it further.
        query = query with { Tags = [slug, .. query.Tags.Where(t => t != slug)] };
        var articles = await catalog.Lists.PageAsync(query, ct);
        if (IsPastLastPage(articles))
        {
            return NotFoundPage("Trang này không có bài viết nào.");
        }
        var active = await catalog.Tags.NamedAsync(query.Tags.Skip(1), ct);
        if (UnknownTagsPage(query.Tags.Skip(1).ToList(), active) is { } unknown)
        {
            return unknown;
        }
        HttpContext.DependsOn(CacheTags.Topic(slug));
        HttpContext.DependsOnArticles(articles.Items.Select(a => a.Id));
        return View("~/Views/Articles/List.cshtml", new ArticleListPage($"Chủ đề: {tag.Name}", articles, query with { Tags = query.Tags.Skip(1).ToList() }, ReaderPaths.Tag(slug))
        {
            ActiveTags = active,
            Description = $"Tin bài về {tag.Name}",
            FeedPath = ReaderPaths.TagRss(slug),
        });
    }
}
