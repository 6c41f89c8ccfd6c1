using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Web.Models;

/// <summary>
/// The article page: the article with its body rendered, what to read next, and its metadata for search engines and
/// link previews.
/// </summary>
public sealed record ArticlePage(
    ReaderArticle Article,
    string BodyHtml,
    int ReadingMinutes,
    IReadOnlyList<ArticleLink> Related,
    ArticleLink? Previous,
    ArticleLink? Next,
    IReadOnlyList<KeyValuePair<string, string>> OpenGraph,
    string JsonLd);

/// <summary>A list page: its heading, the articles, and the filters that produced it.</summary>
public sealed record ArticleListPage(string Heading, PagedList<ArticleSummary> Articles, ArticleListQuery Query, string Path)
{
    public IReadOnlyList<TagLink> ActiveTags { get; init; } = [];
    public string? Description { get; init; }

    /// <summary>The RSS feed of this list's subject (a tag page's tag), when it has one.</summary>
    public string? FeedPath { get; init; }

    /// <summary>False on the archive's pages, whose period is their subject rather than a filter a reader sets.</summary>
    public bool OffersDateFilter { get; init; } = true;
}

public sealed record ArchiveIndex(IReadOnlyList<ArchiveMonth> Months)
{
    public IEnumerable<IGrouping<int, ArchiveMonth>> Years => Months.GroupBy(m => m.Year);
}

public sealed record ErrorPage(int StatusCode, string Title, string Message);

/// <summary>The search page: what was asked (after parsing), the results, and the list filters that narrowed them.</summary>
public sealed record SearchPage(Search.SearchTerms Terms, Search.SearchResults Results, ArticleListQuery Filters, IReadOnlyList<TagLink> ActiveTags)
{
    public Pagination Pagination => Pagination.ForSearch(Terms.Text, Filters, Results.Page, Results.TotalPages);
}
