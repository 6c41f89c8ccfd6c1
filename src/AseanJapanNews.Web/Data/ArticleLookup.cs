using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Data;

/// <summary>A visible article as its page shows it; the body is still Markdown.</summary>
public sealed record ReaderArticle(
    int Id,
    string Slug,
    string Title,
    string Summary,
    string Body,
    DateTime PublishedAtUtc,
    bool TimeKnown,
    DateTime? RevisedAtUtc,
    string? Author,
    string? SourceName,
    string? SourceUrl,
    IReadOnlyList<TagLink> Tags)
{
    public string DateLine => VietnamTime.DateLine(PublishedAtUtc, TimeKnown);
    public string IsoDate => VietnamTime.Iso(PublishedAtUtc);

    /// <summary>Last revision, never before publication (a scheduled article may be written long before it appears).</summary>
    public DateTime ModifiedAtUtc => VietnamTime.Latest(PublishedAtUtc, RevisedAtUtc);
}

/// <summary>A link to an article, as the article page's neighbours and "Đọc thêm" show it: title and date only.</summary>
public sealed record ArticleLink(int Id, string Slug, string Title, DateTime PublishedAtUtc)
{
    public string ShortDate => VietnamTime.ShortDate(PublishedAtUtc);
    public string IsoDate => VietnamTime.Iso(PublishedAtUtc);
}

/// <summary>Single articles as readers reach them: by slug, by an address they had before, beside one another, by id.</summary>
public sealed class ArticleLookup(NewsDbContext db, TimeProvider clock, ReaderQueries compiled, TagDirectory tags)
{
    public async Task<ReaderArticle?> FindAsync(string slug, CancellationToken ct)
    {
        var article = await compiled.ArticleBySlug(db, clock.GetUtcNow().UtcDateTime, slug).FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return null;
        }
        var tagLinks = await tags.LinksOfAsync([article.Id], ct);
        return new ReaderArticle(
            article.Id, article.Slug, article.Title, article.Summary, article.Body,
            article.PublishedAtUtc!.Value, article.PublishedTimeKnown, article.RevisedAtUtc,
            article.Author, article.SourceName, article.SourceUrl, tagLinks.GetValueOrDefault(article.Id, []));
    }

    /// <summary>The ids of the visible articles just before (older) and just after (newer) this one, by publication time.</summary>
    /// <remarks>
    /// "At or before the instant" is a range the (status, date) index can seek to; the same-instant tie is
    /// then settled by id, as NewestFirst does.
    /// </remarks>
    public async Task<(int? Previous, int? Next)> NeighbourIdsAsync(ReaderArticle article, CancellationToken ct)
    {
        var at = article.PublishedAtUtc;
        var id = article.Id;
        // Older articles visible now are exactly those visible at this article's own instant (it is visible, so that
        // instant is past): one upper bound on the date. With both "up to now" and "up to then", SQLite ranged the
        // index on the first and stepped through every newer entry: up to 3 ms for an article from years back.
        // Compiled (ReaderQueries): EF's preparation of these two was the dearest part of an article page's queries.
        var previous = await compiled.PreviousId(db, at, id).Select(found => (int?)found).FirstOrDefaultAsync(ct);
        var next = await compiled.NextId(db, clock.GetUtcNow().UtcDateTime, at, id).Select(found => (int?)found).FirstOrDefaultAsync(ct);
        return (previous, next);
    }

    /// <summary>Links to the visible ones among these articles, by id (title and date; no sapo, no tags).</summary>
    public async Task<Dictionary<int, ArticleLink>> LinksByIdAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        // By id, then the visibility rule in memory (the same expression): with both in one WHERE, SQLite walks the
        // (Status, PublishedAtUtc) index over every visible article to find a few dozen ids (half of an article page).
        var loaded = await compiled.LinkRows(db, [.. ids]).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return loaded
            .Where(a => a.IsVisibleToReaders(now))
            .ToDictionary(a => a.Id, a => new ArticleLink(a.Id, a.Slug, a.Title, a.PublishedAtUtc!.Value));
    }

    /// <summary>Where an article that had this address lives now, while readers can see it.</summary>
    public Task<string?> MovedToAsync(string oldSlug, CancellationToken ct) =>
        db.SlugRedirects.Where(r => r.OldSlug == oldSlug)
            .Join(db.Articles.AsNoTracking().VisibleToReaders(clock.GetUtcNow().UtcDateTime), r => r.ArticleId, a => a.Id, (r, a) => a.Slug)
            .FirstOrDefaultAsync(ct);
}
