using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Search;

/// <summary>
/// "Đọc thêm": visible articles ranked by how many tags they share with this one, then by how alike their
/// words are (the search index's "more like this"), then newest first. Never the article itself.
/// The ranking (tag queries and an FTS "more like this", tens of milliseconds at 100,000 articles) is memoized per
/// article until reader content changes (<see cref="ReaderContent"/>: every save of articles or tags, an import, a
/// scheduled article becoming due); each request only re-checks, by id, that the memoized articles are still visible.
/// </summary>
public sealed class RelatedArticles(NewsDbContext db, ISearchIndex index, ArticleCatalog catalog, TimeProvider clock, ReaderContent readers)
{
    public const int Count = 5;

    /// <summary>Ids memoized per article: a few more than shown, so one hidden meanwhile still leaves five.</summary>
    public const int Memoized = 10;

    /// <summary>
    /// The ranked ids, memoized: a few more than <see cref="Count"/>; the caller keeps the first five still visible
    /// (one summaries query for them and the page's other article links).
    /// </summary>
    public Task<int[]> IdsAsync(int articleId, CancellationToken ct) =>
        readers.MemoIdsAsync(articleId, () => RankAsync(articleId, ct));

    /// <summary>How many of each tag's newest articles are considered; older ones sharing a single tag never rank anyway.</summary>
    public const int CandidatesPerTag = 300;

    private async Task<int[]> RankAsync(int articleId, CancellationToken ct)
    {
        var tagRows = db.ArticleTagRows();
        var tagIds = await tagRows
            .Where(at => EF.Property<int>(at, "ArticlesId") == articleId)
            .Select(at => EF.Property<int>(at, "TagsId"))
            .ToListAsync(ct);
        // Candidates are each tag's newest visible articles, found from the tag's index entries; counting shared
        // tags over every visible article was a correlated count per row (seconds at 100,000 articles).
        var now = clock.GetUtcNow().UtcDateTime;
        var shared = new Dictionary<int, int>();
        var published = new Dictionary<int, DateTime>();
        foreach (var tagId in tagIds)
        {
            var newest = await tagRows.NewestWithTag(tagId, now)
                .Where(t => t.ArticleId != articleId)
                .Take(CandidatesPerTag)
                .ToListAsync(ct);
            foreach (var t in newest)
            {
                shared[t.ArticleId] = shared.GetValueOrDefault(t.ArticleId) + 1;
                published[t.ArticleId] = t.PublishedAtUtc;
            }
        }
        var byTags = shared
            .OrderByDescending(x => x.Value).ThenByDescending(x => published[x.Key]).ThenByDescending(x => x.Key)
            .Take(50)
            .ToDictionary(x => x.Key, x => x.Value);
        var byText = await index.SimilarAsync(articleId, 20, ct);
        var textRank = byText.Select((id, rank) => (id, rank)).ToDictionary(x => x.id, x => x.rank);

        var candidates = await catalog.Articles.LinksByIdAsync(byTags.Keys.Union(byText).Where(id => id != articleId).ToList(), ct);
        return candidates
            .OrderByDescending(c => byTags.GetValueOrDefault(c.Key))
            .ThenBy(c => textRank.GetValueOrDefault(c.Key, int.MaxValue))
            .ThenByDescending(c => c.Value.PublishedAtUtc)
            .Select(c => c.Key)
            .Take(Memoized)
            .ToArray();
    }
}
