using System.Globalization;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;
using Microsoft.AspNetCore.Http;

namespace AseanJapanNews.Web.Models;

/// <summary>
/// The reader-side list filters in a URL's query string (<c>tag</c>, <c>from</c>, <c>to</c>, <c>page</c>): parsed
/// into an <see cref="ArticleListQuery"/> with messages in Vietnamese for anything a reader (or a bot) could get
/// wrong, and written back for another page of the same list.
/// </summary>
public static class ArticleListQueryString
{
    public const int MaxTags = 5;

    /// <summary>Returns the query, or an error message saying what was wrong.</summary>
    public static (ArticleListQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        var page = 1;
        var pageText = query["page"].ToString();
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > PageWindow.MaxNumber))
        {
            return (null, $"Số trang “{Clip(pageText)}” không hợp lệ: trang phải là số nguyên từ 1 đến {PageWindow.MaxNumber:N0}.");
        }

        var tags = query["tag"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).Distinct().ToList();
        if (tags.Count > MaxTags)
        {
            return (null, $"Chỉ có thể lọc theo tối đa {MaxTags} chủ đề cùng lúc.");
        }

        if (!TryDate(query["from"].ToString(), "từ ngày", out var from, out var error) ||
            !TryDate(query["to"].ToString(), "đến ngày", out var to, out error))
        {
            return (null, error);
        }
        if (from > to)
        {
            return (null, $"Ngày bắt đầu ({Day(from!.Value)}) ở sau ngày kết thúc ({Day(to!.Value)}).");
        }
        return (new ArticleListQuery(tags, from, to, page), null);
    }

    /// <summary>The query-string values that reproduce this query on another page number.</summary>
    public static Dictionary<string, string?[]> ToRouteValues(this ArticleListQuery query, int page)
    {
        var values = new Dictionary<string, string?[]>();
        if (query.Tags.Count > 0) values["tag"] = query.Tags.ToArray();
        if (query.From is { } f) values["from"] = [f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
        if (query.To is { } t) values["to"] = [t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
        if (page > 1) values["page"] = [page.ToString(CultureInfo.InvariantCulture)];
        return values;
    }

    private static bool TryDate(string text, string label, out DateOnly? date, out string? error)
    {
        date = null;
        error = null;
        if (text.Length == 0)
        {
            return true;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            error = $"Ngày “{Clip(text)}” ({label}) không hợp lệ: hãy dùng dạng năm-tháng-ngày, ví dụ 2023-12-17.";
            return false;
        }
        if (!VietnamTime.IsInRange(parsed))
        {
            error = $"Ngày {Day(parsed)} ({label}) nằm ngoài khoảng {VietnamTime.EarliestDay.Year}–{VietnamTime.LatestDay.Year}.";
            return false;
        }
        date = parsed;
        return true;
    }

    private static string Day(DateOnly day) => day.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
