using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Models;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AseanJapanNews.Web.Data;

/// <summary>What readers can see: every reader page asks here, so all of them agree.</summary>
public sealed class ArticleCatalog(NewsDbContext db, TimeProvider clock, IOptions<NewsOptions> options)
{
    private int PageSize => options.Value.PageSize;

    private IQueryable<Article> Visible =>
        db.Articles.AsNoTracking().VisibleToReaders(clock.GetUtcNow().UtcDateTime);

    public Task<PagedList<ArticleSummary>> ListAsync(ArticleListQuery query, CancellationToken ct) =>
        PageAsync(Visible.WithAllTags(query.Tags).InPeriod(query.From, query.To), query.Page, ct);

    public async Task<ArticleView?> FindAsync(string slug, CancellationToken ct)
    {
        var article = await Visible
            .Where(a => a.Slug == slug)
            .Select(a => new
            {
                a.Id, a.Slug, a.Title, a.Summary, a.Body, a.PublishedAtUtc, a.PublishedTimeKnown, a.UpdatedAtUtc,
                a.Author, a.SourceName, a.SourceUrl,
                Tags = a.Tags.OrderBy(t => t.SortKey).Select(t => new TagLink(t.Name, t.Slug)).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        return article is null ? null : new ArticleView(
            article.Slug, article.Title, article.Summary, ArticleMarkdown.ToHtml(article.Body),
            article.PublishedAtUtc!.Value, article.PublishedTimeKnown, article.UpdatedAtUtc,
            article.Author, article.SourceName, article.SourceUrl, article.Tags)
        {
            Id = article.Id,
            ReadingMinutes = ReadingTime.Minutes(article.Summary + " " + ArticleMarkdown.ToPlainText(article.Body)),
        };
    }

    /// <summary>The visible articles just before (older) and just after (newer) this one, by publication time.</summary>
    public async Task<(ArticleSummary? Previous, ArticleSummary? Next)> NeighboursAsync(ArticleView article, CancellationToken ct)
    {
        var at = article.PublishedAtUtc;
        var id = article.Id;
        // Same instant: the article id breaks the tie, as NewestFirst does.
        var previous = await Summaries(Visible
                .Where(a => a.PublishedAtUtc < at || (a.PublishedAtUtc == at && a.Id < id))
                .NewestFirst())
            .FirstOrDefaultAsync(ct);
        var next = await Summaries(Visible
                .Where(a => a.PublishedAtUtc > at || (a.PublishedAtUtc == at && a.Id > id))
                .OrderBy(a => a.PublishedAtUtc).ThenBy(a => a.Id))
            .FirstOrDefaultAsync(ct);
        return (previous, next);
    }

    /// <summary>The visible ones among these articles, by id.</summary>
    public Task<Dictionary<int, ArticleSummary>> SummariesByIdAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        Visible.Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, Summary = new ArticleSummary(
                a.Slug, a.Title, a.Summary, a.PublishedAtUtc!.Value,
                a.Tags.OrderBy(t => t.SortKey).Select(t => new TagLink(t.Name, t.Slug)).ToList()) })
            .ToDictionaryAsync(x => x.Id, x => x.Summary, ct);

    private static IQueryable<ArticleSummary> Summaries(IQueryable<Article> articles) =>
        articles.Select(a => new ArticleSummary(
            a.Slug, a.Title, a.Summary, a.PublishedAtUtc!.Value,
            a.Tags.OrderBy(t => t.SortKey).Select(t => new TagLink(t.Name, t.Slug)).ToList()));

    /// <summary>The named tags that exist, in Vietnamese order; unknown slugs are simply absent.</summary>
    public Task<List<TagLink>> TagsAsync(IEnumerable<string> slugs, CancellationToken ct)
    {
        var wanted = slugs.ToList();
        return db.Tags.AsNoTracking()
            .Where(t => wanted.Contains(t.Slug))
            .OrderBy(t => t.SortKey)
            .Select(t => new TagLink(t.Name, t.Slug))
            .ToListAsync(ct);
    }

    public Task<bool> HasVisibleArticlesAsync(string tagSlug, CancellationToken ct) =>
        Visible.AnyAsync(a => a.Tags.Any(t => t.Slug == tagSlug), ct);

    /// <summary>Tags that have at least one visible article, with counts, in Vietnamese alphabetical order.</summary>
    public Task<List<TagCount>> TagCountsAsync(CancellationToken ct) =>
        Visible
            .SelectMany(a => a.Tags)
            .GroupBy(t => new { t.SortKey, t.Name, t.Slug })
            .OrderBy(g => g.Key.SortKey)
            .Select(g => new TagCount(g.Key.Name, g.Key.Slug, g.Count()))
            .ToListAsync(ct);

    /// <summary>Months (in Vietnam time) that have visible articles, newest first.</summary>
    public Task<List<ArchiveMonth>> MonthsAsync(CancellationToken ct) =>
        Visible
            .Select(a => a.PublishedAtUtc!.Value.AddHours(7))
            .GroupBy(local => new { local.Year, local.Month })
            .OrderByDescending(g => g.Key.Year).ThenByDescending(g => g.Key.Month)
            .Select(g => new ArchiveMonth(g.Key.Year, g.Key.Month, g.Count()))
            .ToListAsync(ct);

    /// <summary>The newest visible articles, whole, for feeds; only those carrying <paramref name="tagSlug"/> when given.</summary>
    public Task<List<FeedArticle>> LatestAsync(string? tagSlug, int count, CancellationToken ct) =>
        Visible
            .WithAllTags(tagSlug is null ? [] : [tagSlug])
            .NewestFirst()
            .Take(count)
            .Select(a => new FeedArticle(
                a.Slug, a.Title, a.Summary, a.Body, a.PublishedAtUtc!.Value, a.UpdatedAtUtc, a.Author,
                a.Tags.OrderBy(t => t.SortKey).Select(t => new TagLink(t.Name, t.Slug)).ToList()))
            .ToListAsync(ct);

    /// <summary>Every visible article, tag page and archive month, with when each last changed.</summary>
    public async Task<SitemapEntries> SitemapAsync(CancellationToken ct)
    {
        var articles = await Visible
            .NewestFirst()
            .Select(a => new SitemapArticle(a.Slug, a.PublishedAtUtc!.Value, a.UpdatedAtUtc))
            .ToListAsync(ct);
        var tags = await Visible
            .SelectMany(a => a.Tags, (a, t) => new { t.Slug, t.SortKey, a.PublishedAtUtc })
            .GroupBy(x => new { x.Slug, x.SortKey })
            .OrderBy(g => g.Key.SortKey)
            .Select(g => new SitemapTag(g.Key.Slug, g.Max(x => x.PublishedAtUtc)!.Value))
            .ToListAsync(ct);
        var months = await MonthsAsync(ct);
        return new SitemapEntries(articles, tags, months);
    }

    private async Task<PagedList<ArticleSummary>> PageAsync(IQueryable<Article> articles, int page, CancellationToken ct)
    {
        var total = await articles.CountAsync(ct);
        var items = await articles
            .NewestFirst()
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new ArticleSummary(
                a.Slug, a.Title, a.Summary, a.PublishedAtUtc!.Value,
                a.Tags.OrderBy(t => t.SortKey).Select(t => new TagLink(t.Name, t.Slug)).ToList()))
            .ToListAsync(ct);
        return new PagedList<ArticleSummary>(items, page, PageSize, total);
    }
}
