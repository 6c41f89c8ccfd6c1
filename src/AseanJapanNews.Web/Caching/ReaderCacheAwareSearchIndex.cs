using AseanJapanNews.Web.Search;

namespace AseanJapanNews.Web.Caching;

/// <summary>
/// The search index as the app uses it: when rows are added outside a save (indexing articles that predate the
/// index), search pages cached before would miss them, so the reader caches are cleared. Changes made inside a save
/// (<see cref="ISearchIndex.UpdateAsync"/>) already clear them through <see cref="ReaderChangeInterceptor"/>.
/// </summary>
public sealed class ReaderCacheAwareSearchIndex(ISearchIndex index, ReaderContent readers) : ISearchIndex
{
    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct) => index.SearchAsync(query, ct);

    public Task<IReadOnlyList<int>> SimilarAsync(int articleId, int take, CancellationToken ct) => index.SimilarAsync(articleId, take, ct);

    public Task UpdateAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct) => index.UpdateAsync(articleIds, ct);

    public Task AddAsync(IReadOnlyList<(int ArticleId, SearchDocument Words)> articles, CancellationToken ct) => index.AddAsync(articles, ct);

    public async Task<int> IndexMissingAsync(CancellationToken ct)
    {
        var indexed = await index.IndexMissingAsync(ct);
        if (indexed > 0)
        {
            await readers.ChangedAsync(ct);
        }
        return indexed;
    }
}
