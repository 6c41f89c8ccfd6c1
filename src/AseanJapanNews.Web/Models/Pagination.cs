using AseanJapanNews.Web.Data;
using Microsoft.AspNetCore.WebUtilities;

namespace AseanJapanNews.Web.Models;

/// <summary>Model of the one pagination partial; <see cref="Url"/> builds the link to a page.</summary>
public sealed record Pagination(int Page, int TotalPages, Func<int, string> Url)
{
    /// <summary>Reader lists: links keep every active filter.</summary>
    public static Pagination For(ArticleListPage list) =>
        new(list.Articles.Page, list.Articles.TotalPages, page => ListUrl(list.Path, list.Query, page));

    /// <summary>Search results: links keep the search text and the filters.</summary>
    public static Pagination ForSearch(string? search, ArticleListQuery filters, int page, int totalPages) =>
        new(page, totalPages, p => ListUrl(ReaderPaths.Search, filters, p, search));

    /// <summary>The same list without one of its filters.</summary>
    public static string Without(ArticleListPage list, string? tag = null, bool from = false, bool to = false) =>
        ListUrl(list.Path, list.Query with
        {
            Tags = list.Query.Tags.Where(t => t != tag).ToList(),
            From = from ? null : list.Query.From,
            To = to ? null : list.Query.To,
        }, 1);

    /// <summary>The same search without one of its topics.</summary>
    public static string Without(SearchPage search, string tag) =>
        ListUrl(ReaderPaths.Search, search.Filters with { Tags = search.Filters.Tags.Where(t => t != tag).ToList() }, 1, search.Terms.Text);

    private static string ListUrl(string path, ArticleListQuery query, int page, string? search = null)
    {
        var values = query.ToRouteValues(page).SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)));
        if (!string.IsNullOrEmpty(search))
        {
            values = values.Prepend(new KeyValuePair<string, string?>("q", search));
        }
        return QueryHelpers.AddQueryString(path, values);
    }
}
