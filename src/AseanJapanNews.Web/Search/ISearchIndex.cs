using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Web.Search;

/// <summary>
/// Full-text search over articles, on this node's local disk (Lucene.NET, <c>Search/Lucene</c>), kept in step with
/// the change log by <see cref="SearchIndexFollower"/>. Implementations only ever return articles visible to readers.
/// </summary>
public interface ISearchIndex
{
    /// <summary>A page of results, best first, with highlighted titles and snippets.</summary>
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct);

    /// <summary>The change log position the index was last committed at; null for an empty index.</summary>
    long? CommittedChangeId { get; }

    /// <summary>Brings these articles in line with the database (indexed again, or removed), then commits at <paramref name="changeId"/>.</summary>
    Task ApplyAsync(IReadOnlyCollection<int> articleIds, long changeId, CancellationToken ct);

    /// <summary>Indexes every article again, then commits at <paramref name="changeId"/>; searches see the old index until then.</summary>
    Task RebuildAsync(long changeId, CancellationToken ct);
}

public sealed record SearchQuery(SearchTerms Terms, ArticleListQuery Filters, int PageSize);

/// <summary>One result. <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are HTML-encoded, with matches in &lt;mark&gt;.</summary>
public sealed record SearchHit(ArticleSummary Article, string TitleHtml, string SnippetHtml);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Page, int PageSize, int TotalCount)
{
    /// <summary>
    /// At most this many of the best matches can be paged through (a hundred pages of ten); every match is still
    /// counted in <see cref="TotalCount"/>.
    /// </summary>
    public const int MaxRanked = 1000;

    /// <summary>There are more matches than <see cref="TotalCount"/> ("hơn 1.000 kết quả").</summary>
    public bool Capped { get; init; }

    /// <summary>Pages a reader can open: every match is counted, only the best <see cref="MaxRanked"/> are listed.</summary>
    public int TotalPages => PageWindow.Count(Math.Min(TotalCount, MaxRanked), PageSize);
}
