using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Controllers;

/// <summary>
/// Shared answers of the reader pages: the Vietnamese 400 and 404 pages; output caching for all of them; one database
/// connection per rendered page.
/// </summary>
[OutputCache(PolicyName = ReaderPagesPolicy.Name)]
public abstract class ReaderController : Controller
{
    /// <summary>
    /// Runs the action on one open database connection. Left to itself EF opens and closes the pooled connection
    /// around every query, and the SQLite provider registers its SQL functions again on each open: 5% of an
    /// uncached article page's CPU (five queries) went to that. Only pages the output cache did not answer get here.
    /// </summary>
    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var database = HttpContext.RequestServices.GetRequiredService<NewsDbContext>().Database;
        await database.OpenConnectionAsync(HttpContext.RequestAborted);
        try
        {
            await next();
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    protected ViewResult BadRequestPage(string message) =>
        ErrorView(new ErrorPage(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", message));

    protected ViewResult NotFoundPage(string message = "Trang bạn tìm không tồn tại hoặc đã bị gỡ.") =>
        ErrorView(new ErrorPage(StatusCodes.Status404NotFound, "Không tìm thấy trang", message));

    /// <summary>Parses the list filters; on bad input, <paramref name="error"/> is the 400 page to return.</summary>
    protected bool TryParseQuery(out ArticleListQuery query, out IActionResult? error)
    {
        var (parsed, message) = ArticleListQueryString.Parse(Request.Query);
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
