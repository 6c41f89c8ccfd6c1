using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace AseanJapanNews.Web.Controllers;

/// <summary>Shared answers of the reader pages: the Vietnamese 400 and 404 pages; output caching for all of them.</summary>
[OutputCache(PolicyName = ReaderPagesPolicy.Name)]
public abstract class ReaderController : Controller
{
    protected ViewResult BadRequestPage(string message) =>
        ErrorView(new ErrorPage(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", message));

    protected ViewResult NotFoundPage(string message = "Trang bạn tìm không tồn tại hoặc đã bị gỡ.") =>
        ErrorView(new ErrorPage(StatusCodes.Status404NotFound, "Không tìm thấy trang", message));

    /// <summary>Parses the list filters; on bad input, <paramref name="error"/> is the 400 page to return.</summary>
    protected bool TryParseQuery(out ArticleListQuery query, out IActionResult? error)
    {
        var (parsed, message) = ArticleListQuery.Parse(Request.Query);
        query = parsed ?? ArticleListQuery.FirstPage;
        error = message is null ? null : BadRequestPage(message);
        return message is null;
    }

    /// <summary>The 404 for a ?tag= that names no topic, or null when every named topic exists.</summary>
    protected ViewResult? UnknownTagsPage(IReadOnlyList<string> requested, IReadOnlyList<TagLink> found)
    {
        if (found.Count == requested.Count)
        {
            return null;
        }
        var unknown = requested.Except(found.Select(t => t.Slug));
        return NotFoundPage($"Không có chủ đề “{string.Join("”, “", unknown)}”.");
    }

    /// <summary>A page number past the end is a page that does not exist.</summary>
    protected static bool IsPastLastPage(PagedList<ArticleSummary> page) => page.Page > page.TotalPages;

    private ViewResult ErrorView(ErrorPage page)
    {
        Response.StatusCode = page.StatusCode;
        return View("Error", page);
    }
}
