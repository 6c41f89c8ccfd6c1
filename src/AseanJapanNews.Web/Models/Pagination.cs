using Microsoft.AspNetCore.WebUtilities;

namespace AseanJapanNews.Web.Models;

/// <summary>Model of the one pagination partial: links keep every active filter.</summary>
public sealed record Pagination(int Page, int TotalPages, string Path, ArticleListQuery Query)
{
    /// <summary>The search text, kept by the links of the search page.</summary>
    public string? Search { get; init; }

    public static Pagination For(ArticleListPage list) =>
        new(list.Articles.Page, list.Articles.TotalPages, list.Path, list.Query);

    public string Url(int page)
    {
        var values = Query.ToRouteValues(page).SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)));
        if (!string.IsNullOrEmpty(Search))
        {
            values = values.Prepend(new KeyValuePair<string, string?>("q", Search));
        }
        return QueryHelpers.AddQueryString(Path, values);
    }

    /// <summary>The same list without one of its filters.</summary>
    public static string Without(ArticleListPage list, string? tag = null, bool from = false, bool to = false)
    {
        var query = list.Query with
        {
            Tags = list.Query.Tags.Where(t => t != tag).ToList(),
            From = from ? null : list.Query.From,
            To = to ? null : list.Query.To,
        };
        return new Pagination(1, 1, list.Path, query).Url(1);
    }
}
