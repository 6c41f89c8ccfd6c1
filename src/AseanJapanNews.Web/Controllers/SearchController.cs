using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Models;
using AseanJapanNews.Web.Search;
using Microsoft.AspNetCore.Mvc;

namespace AseanJapanNews.Web.Controllers;

public sealed class SearchController(ISearchIndex index, ArticleCatalog catalog) : ReaderController
{
    public const int PageSize = 10;

    [HttpGet(ReaderPaths.Search)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!TryParseQuery(out var filters, out var error))
        {
            return error!;
        }
        var tags = await catalog.Tags.NamedAsync(filters.Tags, ct);
        if (tags.Count < filters.Tags.Count)
        {
            return NotFoundPage("Không có chủ đề này.");
        }
        var terms = SearchTerms.Parse(Request.Query["q"].FirstOrDefault());
        var results = await index.SearchAsync(new SearchQuery(terms, filters, PageSize), ct);
        if (results.TotalCount > 0 && results.Page > results.TotalPages)
        {
            return NotFoundPage("Trang kết quả này không tồn tại.");
        }
        HttpContext.DependsOn(CacheTags.Searches);
        return View(new SearchPage(terms, results, filters, tags));
    }
}
