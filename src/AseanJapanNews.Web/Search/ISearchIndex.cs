using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Web.Search;

/// <summary>
/// Full-text search over articles. The SQLite implementation (FTS5) lives in <c>Search/Sqlite</c>; a PostgreSQL
/// one would implement this same interface. Implementations only ever return articles visible to readers.
/// </summary>
public interface ISearchIndex
{
    /// <summary>A page of results, best first, with highlighted titles and snippets.</summary>
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct);

    /// <summary>
    /// Brings the index rows of these articles in line with the database (re-indexed, or removed when the
    /// article is gone). Runs on the caller's connection and transaction, so it commits with the change.
    /// </summary>
    Task UpdateAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct);

    /// <summary>
    /// Indexes articles just inserted (they have no index row yet) from words already prepared, on the caller's
    /// connection and transaction: the importer's bulk inserts (<see cref="Data.ArticleBulkInsert"/>).
    /// </summary>
    Task AddAsync(IReadOnlyList<(int ArticleId, SearchDocument Words)> articles, CancellationToken ct);

    /// <summary>Indexes articles that have no index row yet (a database that predates the index).</summary>
    Task<int> IndexMissingAsync(CancellationToken ct);
}

public sealed record SearchQuery(SearchTerms Terms, ArticleListQuery Filters, int PageSize);

/// <summary>One result. <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are HTML-encoded, with matches in &lt;mark&gt;.</summary>
public sealed record SearchHit(ArticleSummary Article, string TitleHtml, string SnippetHtml);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Page, int PageSize, int TotalCount)
{
    /// <summary>
    /// At most this many matches are ranked and counted: a common word matches thousands of articles, and readers
    /// never page that far. <see cref="TotalCount"/> is then this number, and <see cref="Capped"/> is true.
    /// </summary>
    public const int MaxRanked = 1000;

    /// <summary>There are more matches than <see cref="TotalCount"/> ("hơn 1.000 kết quả").</summary>
    public bool Capped { get; init; }

    public int TotalPages => PageWindow.Count(TotalCount, PageSize);
}
