using System.Globalization;
using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Models;
using AseanJapanNews.Web.Text;
using Microsoft.AspNetCore.Mvc;

namespace AseanJapanNews.Web.Controllers;

public sealed class ArchiveController(ArticleCatalog catalog) : ReaderController
{
    [HttpGet(ReaderPaths.Archive)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        HttpContext.DependsOn(CacheTags.Counts);
        return View(new ArchiveIndex(await catalog.Lists.MonthsAsync(ct)));
    }

    [HttpGet(ReaderPaths.ArchiveYearRoute)]
    public Task<IActionResult> Year(string year, CancellationToken ct) => Period(year, null, ct);

    [HttpGet(ReaderPaths.ArchiveMonthRoute)]
    public Task<IActionResult> Month(string year, string month, CancellationToken ct) => Period(year, month, ct);

    private async Task<IActionResult> Period(string yearText, string? monthText, CancellationToken ct)
    {
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !VietnamTime.IsYearInRange(year))
        {
            return BadRequestPage($"Năm “{yearText}” không hợp lệ: năm phải từ {VietnamTime.EarliestDay.Year} đến {VietnamTime.LatestDay.Year}.");
        }
        var month = 0;
        if (monthText is not null && (!int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out month) || month is < 1 or > 12))
        {
            return BadRequestPage($"Tháng “{monthText}” không hợp lệ: tháng phải từ 1 đến 12.");
        }
        if (!TryParseQuery(out var query, out var error))
        {
            return error!;
        }
        if (query.From is not null || query.To is not null)
        {
            return BadRequestPage("Trang lưu trữ đã chọn sẵn khoảng thời gian; hãy dùng trang Tất cả bài viết để lọc theo ngày.");
        }
        var from = new DateOnly(year, month == 0 ? 1 : month, 1);
        var to = month == 0 ? new DateOnly(year, 12, 31) : from.AddMonths(1).AddDays(-1);
        var articles = await catalog.Lists.PageAsync(query with { From = from, To = to }, ct);
        if (IsPastLastPage(articles))
        {
            return NotFoundPage("Trang này không có bài viết nào.");
        }
        var heading = month == 0 ? $"Lưu trữ năm {year}" : $"Lưu trữ tháng {month}/{year}";
        var path = month == 0 ? ReaderPaths.ArchiveYear(year) : ReaderPaths.ArchiveMonth(year, month);
        var tags = await catalog.Tags.NamedAsync(query.Tags, ct);
        if (UnknownTagsPage(query.Tags, tags) is { } unknown)
        {
            return unknown;
        }
        HttpContext.DependsOn(month == 0 ? CacheTags.Year(year) : CacheTags.Month(year, month));
        HttpContext.DependsOnArticles(articles.Items.Select(a => a.Id));
        // The period is the page's subject, not a removable filter.
        return View("~/Views/Articles/List.cshtml", new ArticleListPage(heading, articles, query, path) { ActiveTags = tags, OffersDateFilter = false });
    }
}
