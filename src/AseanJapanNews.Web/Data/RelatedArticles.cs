using AseanJapanNews.Web.Models;
using AseanJapanNews.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Data;

/// <summary>
/// "Đọc thêm": visible articles ranked by how many tags they share with this one, then by how alike their
/// words are (the search index's "more like this"), then newest first. Never the article itself.
/// </summary>
public sealed class RelatedArticles(NewsDbContext db, ISearchIndex index, ArticleCatalog catalog, TimeProvider clock)
{
    public const int Count = 5;

    public async Task<List<ArticleSummary>> ForAsync(int articleId, CancellationToken ct)
    {
        var tagIds = await db.Articles.Where(a => a.Id == articleId).SelectMany(a => a.Tags.Select(t => t.Id)).ToListAsync(ct);
        var byTags = await db.Articles.AsNoTracking()
            .VisibleToReaders(clock.GetUtcNow().UtcDateTime)
            .Where(a => a.Id != articleId)
            .Select(a => new { a.Id, Shared = a.Tags.Count(t => tagIds.Contains(t.Id)), a.PublishedAtUtc })
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared).ThenByDescending(x => x.PublishedAtUtc)
            .Take(50)
            .ToDictionaryAsync(x => x.Id, x => x.Shared, ct);
        var byText = await index.SimilarAsync(articleId, 20, ct);
        var textRank = byText.Select((id, rank) => (id, rank)).ToDictionary(x => x.id, x => x.rank);

        var candidates = await catalog.SummariesByIdAsync(byTags.Keys.Union(byText).Where(id => id != articleId).ToList(), ct);
        return candidates
            .OrderByDescending(c => byTags.GetValueOrDefault(c.Key))
            .ThenBy(c => textRank.GetValueOrDefault(c.Key, int.MaxValue))
            .ThenByDescending(c => c.Value.PublishedAtUtc)
            .Select(c => c.Value)
            .Take(Count)
            .ToList();
    }
}
