using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Caching;

/// <summary>
/// Which cached pages a batch of changes makes stale. Pages that showed a changed article carry its tag, so its
/// old topics, month and neighbours are found through that; what is looked up here is where the article is now:
/// the lists it enters (latest, its topics, its month and year), its new neighbours, and the counts.
/// </summary>
public sealed class ReaderEvictions(NewsDbContext db, ReaderQueries compiled)
{
    /// <summary>The tags to evict, or null when nothing can be kept.</summary>
    public async Task<HashSet<string>?> TagsAsync(IReadOnlyCollection<ChangeLogEntry> changes, DateTime nowUtc, CancellationToken ct)
    {
        if (changes.Any(c => c.Kind == ChangeKind.Everything || c.ArticleId is null))
        {
            return null;
        }
        // Few pages, and every change moves something on them (an item, a date, what a word finds).
        var tags = new HashSet<string>(StringComparer.Ordinal) { CacheTags.Feeds, CacheTags.Sitemaps, CacheTags.Searches };
        foreach (var change in changes)
        {
            tags.Add(CacheTags.Article(change.ArticleId!.Value));
        }
        var placed = changes.Where(c => c.Kind == ChangeKind.Placement).Select(c => c.ArticleId!.Value).Distinct().ToList();
        if (placed.Count > 0)
        {
            await AddPlacesAsync(tags, placed, nowUtc, ct);
        }
        return tags;
    }

    /// <summary>Articles that appeared, moved or left: the lists that may now show them, and their new neighbours.</summary>
    public async Task AddPlacesAsync(HashSet<string> tags, IReadOnlyCollection<int> articleIds, DateTime nowUtc, CancellationToken ct)
    {
        tags.UnionWith([CacheTags.Latest, CacheTags.Feeds, CacheTags.Sitemaps, CacheTags.Counts, CacheTags.Searches]);
        var articles = await db.Articles.AsNoTracking()
            .Where(a => articleIds.Contains(a.Id))
            .Select(a => new { a.Id, a.PublishedAtUtc, Visible = a.Status == ArticleStatus.Published && a.PublishedAtUtc <= nowUtc })
            .ToListAsync(ct);
        foreach (var slug in await db.ArticleTagRows()
                     .Where(at => articleIds.Contains(EF.Property<int>(at, "ArticlesId")))
                     .Join(db.Tags, at => EF.Property<int>(at, "TagsId"), t => t.Id, (at, t) => t.Slug)
                     .Distinct()
                     .ToListAsync(ct))
        {
            tags.Add(CacheTags.Topic(slug));
        }
        foreach (var article in articles.Where(a => a.Visible))
        {
            var local = VietnamTime.ToVietnam(article.PublishedAtUtc!.Value);
            tags.Add(CacheTags.Month(local.Year, local.Month));
            tags.Add(CacheTags.Year(local.Year));
            // Its new neighbours now link it; its old ones linked it already, so they carry its tag.
            await foreach (var previous in compiled.PreviousId(db, article.PublishedAtUtc.Value, article.Id).WithCancellation(ct))
            {
                tags.Add(CacheTags.Article(previous));
            }
            await foreach (var next in compiled.NextId(db, nowUtc, article.PublishedAtUtc.Value, article.Id).WithCancellation(ct))
            {
                tags.Add(CacheTags.Article(next));
            }
        }
    }
}
