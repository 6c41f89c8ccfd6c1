using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Data;

/// <summary>An article as feeds carry it: the Markdown body is rendered by the feed writer.</summary>
public sealed record FeedArticle(
    string Slug, string Title, string Summary, string Body, DateTime PublishedAtUtc, DateTime? RevisedAtUtc,
    string? Author, string? SourceName, string? SourceUrl, IReadOnlyList<TagLink> Tags)
{
    public DateTime ModifiedAtUtc => VietnamTime.Latest(PublishedAtUtc, RevisedAtUtc);
}

public sealed record SitemapArticle(string Slug, DateTime PublishedAtUtc, DateTime? RevisedAtUtc)
{
    public DateTime LastModifiedUtc => VietnamTime.Latest(PublishedAtUtc, RevisedAtUtc);
}

public sealed record SitemapTag(string Slug, DateTime LatestUtc);

/// <summary>A month (Vietnam time) of visible articles: one article sitemap, listed in the sitemap index.</summary>
public sealed record SitemapMonth(int Year, int Month, DateTime LastModifiedUtc);

/// <summary>The pages that are not articles: home, tag pages, archive months.</summary>
public sealed record SitemapPages(IReadOnlyList<SitemapTag> Tags, IReadOnlyList<SitemapMonth> Months);

/// <summary>What feeds and sitemaps list: the newest articles whole, and every page with when it last changed.</summary>
public sealed class SyndicationQueries(NewsDbContext db, TimeProvider clock, TagDirectory tags)
{
    private IQueryable<Article> Visible => db.Articles.AsNoTracking().VisibleToReaders(clock.GetUtcNow().UtcDateTime);

    /// <summary>The newest visible articles, whole, for feeds; only those carrying <paramref name="tagSlug"/> when given.</summary>
    public async Task<List<FeedArticle>> LatestAsync(string? tagSlug, int count, CancellationToken ct)
    {
        List<int> ids;
        if (tagSlug is null)
        {
            ids = await Visible.NewestFirst().Take(count).Select(a => a.Id).ToListAsync(ct);
        }
        else
        {
            ids = (await tags.IndexAsync(ct)).BySlug.TryGetValue(tagSlug, out var tag)
                ? await db.ArticleTagRows().NewestWithTag(tag.Id, clock.GetUtcNow().UtcDateTime).Take(count).Select(t => t.ArticleId).ToListAsync(ct)
                : [];
        }
        var rows = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Slug, a.Title, a.Summary, a.Body, a.PublishedAtUtc, a.RevisedAtUtc, a.Author, a.SourceName, a.SourceUrl })
            .ToDictionaryAsync(r => r.Id, ct);
        var tagLinks = await tags.LinksOfAsync(ids, ct);
        return ids.Where(rows.ContainsKey).Select(id => rows[id])
            .Select(r => new FeedArticle(r.Slug, r.Title, r.Summary, r.Body, r.PublishedAtUtc!.Value, r.RevisedAtUtc, r.Author, r.SourceName, r.SourceUrl, tagLinks.GetValueOrDefault(r.Id, [])))
            .ToList();
    }

    /// <summary>Months (in Vietnam time) that have visible articles, newest first, with when each last changed.</summary>
    /// <remarks>
    /// Apart from the archive's memoized <see cref="ArticleLists.MonthsAsync"/>: the last change needs every article's
    /// row (the date index has no RevisedAtUtc), which made the archive index's first view after a change three times
    /// slower (docs/performance-history.md). The sitemap index is output-cached and read by crawlers.
    /// </remarks>
    public async Task<List<SitemapMonth>> SitemapMonthsAsync(CancellationToken ct)
    {
        var months = await Visible
            .GroupBy(a => new { a.PublishedAtUtc!.Value.AddHours(VietnamTime.OffsetHours).Year, a.PublishedAtUtc!.Value.AddHours(VietnamTime.OffsetHours).Month })
            .OrderByDescending(g => g.Key.Year).ThenByDescending(g => g.Key.Month)
            .Select(g => new { g.Key.Year, g.Key.Month, Published = g.Max(a => a.PublishedAtUtc)!.Value, Revised = g.Max(a => a.RevisedAtUtc) })
            .ToListAsync(ct);
        return months.Select(m => new SitemapMonth(m.Year, m.Month, VietnamTime.Latest(m.Published, m.Revised))).ToList();
    }

    /// <summary>The visible articles of one month (Vietnam time), newest first.</summary>
    public Task<List<SitemapArticle>> SitemapArticlesAsync(int year, int month, CancellationToken ct)
    {
        var from = new DateOnly(year, month, 1);
        return db.Articles.AsNoTracking()
            .VisibleToReaders(clock.GetUtcNow().UtcDateTime, from, from.AddMonths(1).AddDays(-1))
            .NewestFirst()
            .Select(a => new SitemapArticle(a.Slug, a.PublishedAtUtc!.Value, a.RevisedAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>Every tag page with its newest visible article, in Vietnamese order, and every archive month.</summary>
    /// <remarks>
    /// The newest per tag from the tag rows' own index, named from the tag directory, rather than joining articles,
    /// their tag rows and the tags and grouping by name (docs/performance-history.md).
    /// </remarks>
    public async Task<SitemapPages> SitemapPagesAsync(CancellationToken ct)
    {
        var newest = await db.ArticleTagRows()
            .VisibleToReaders(clock.GetUtcNow().UtcDateTime)
            .GroupBy(at => EF.Property<int>(at, "TagsId"))
            .Select(g => new { TagId = g.Key, LatestUtc = g.Max(at => EF.Property<DateTime?>(at, NewsDbContext.ArticleTagPublishedAtUtc))!.Value })
            .ToListAsync(ct);
        var byId = (await tags.IndexAsync(ct)).ById;
        var pages = newest
            .Where(n => byId.ContainsKey(n.TagId))
            .Select(n => (Tag: byId[n.TagId], n.LatestUtc))
            .OrderBy(n => n.Tag.SortKey, StringComparer.Ordinal)
            .Select(n => new SitemapTag(n.Tag.Slug, n.LatestUtc))
            .ToList();
        return new SitemapPages(pages, await SitemapMonthsAsync(ct));
    }
}
