using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Editorial;

public sealed record AdminArticleQuery(EditorialState State, string? Tag, string? Title, int Page);

public sealed record AdminArticleRow(int Id, string Title, string Slug, EditorialState State, DateTime? PublishedAtUtc, bool TimeKnown, DateTime UpdatedAtUtc, IReadOnlyList<string> Tags)
{
    /// <summary>"17/12/2023 08:04", or just the day when the time was never given.</summary>
    public string PublishedText => PublishedAtUtc is { } at
        ? VietnamTime.ToVietnam(at).ToString(TimeKnown ? "dd'/'MM'/'yyyy HH':'mm" : "dd'/'MM'/'yyyy", System.Globalization.CultureInfo.InvariantCulture)
        : "—";
}

/// <summary>Every article in every state, for the admin list: newest change first.</summary>
public sealed class AdminArticleList(NewsDbContext db, TimeProvider clock)
{
    public const int PageSize = 30;

    public async Task<PagedList<AdminArticleRow>> ListAsync(AdminArticleQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var articles = db.Articles.AsNoTracking();
        articles = query.State switch
        {
            EditorialState.Draft => articles.Where(a => a.Status == ArticleStatus.Draft),
            EditorialState.Scheduled => articles.Scheduled(now),
            EditorialState.Published => articles.VisibleToReaders(now),
            EditorialState.Trash => articles.Where(a => a.Status == ArticleStatus.Trashed),
            _ => articles.Where(a => a.Status != ArticleStatus.Trashed),
        };
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            articles = articles.WithAllTags([query.Tag]);
        }
        if (!string.IsNullOrWhiteSpace(query.Title))
        {
            // Titles match as typed, or without diacritics through the slug (which is the folded title).
            var typed = query.Title.Trim();
            var folded = Slug.From(typed);
            articles = articles.Where(a => a.Title.Contains(typed) || (folded != "" && a.Slug.Contains(folded)));
        }
        var total = await articles.CountAsync(ct);
        var page = new PageWindow(query.Page, PageSize);
        var rows = await articles
            .OrderByDescending(a => a.UpdatedAtUtc).ThenByDescending(a => a.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(a => new { a.Id, a.Title, a.Slug, a.Status, a.PublishedAtUtc, a.PublishedTimeKnown, a.UpdatedAtUtc })
            .ToListAsync(ct);
        // Tags in a flat query: nested in the projection, SQLite materialized the whole join table for every page.
        var tags = await db.TagLinksAsync(rows.Select(r => r.Id).ToList(), ct);
        return new PagedList<AdminArticleRow>(
            rows.Select(r => new AdminArticleRow(r.Id, r.Title, r.Slug, EditorialStates.Of(r.Status, r.PublishedAtUtc, now), r.PublishedAtUtc, r.PublishedTimeKnown, r.UpdatedAtUtc,
                tags.GetValueOrDefault(r.Id, []).Select(t => t.Name).ToList())).ToList(),
            query.Page, PageSize, total);
    }
}
