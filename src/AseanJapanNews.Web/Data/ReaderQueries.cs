using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Data;

/// <summary>
/// Compiled queries for the pages readers load most (<see cref="ArticleQueries.WithReaderRules{T1, T2, TResult}"/>:
/// why, and how the visibility rule stays in one place). One instance per application (a singleton): EF ties a
/// compiled query to the model it first runs with, and every application builds its own model.
/// </summary>
public sealed class ReaderQueries
{
    /// <summary>What a list shows of an article (tags come in a second query).</summary>
    public sealed class SummaryRow
    {
        public int Id { get; init; }
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public DateTime? PublishedAtUtc { get; init; }
    }

    /// <summary>What an article page shows of the article itself.</summary>
    public sealed class ArticleRow
    {
        public int Id { get; init; }
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public string Body { get; init; } = "";
        public DateTime? PublishedAtUtc { get; init; }
        public bool PublishedTimeKnown { get; init; }
        public DateTime? RevisedAtUtc { get; init; }
        public string? Author { get; init; }
        public string? SourceName { get; init; }
        public string? SourceUrl { get; init; }
    }

    public sealed class TagLinkRow
    {
        public int ArticleId { get; init; }
        public int TagId { get; init; }
    }

    // Each orders as ArticleQueries.NewestFirst and NewestWithTag do, which cannot be called inside them; a test
    // holds every page of them to those. What compiling saved, page by page: docs/performance-history.md.

    /// <summary>
    /// A page of the articles published from <c>startUtc</c> that are visible at <c>lastUtc</c>: the home list (from
    /// the first instant, visible now), the month archive and date filters. One lower and one upper bound on the
    /// date, so SQLite ranges the (status, date) index on both and reads only the page's rows.
    /// </summary>
    public Func<NewsDbContext, DateTime, DateTime, int, int, IAsyncEnumerable<SummaryRow>> ListPage { get; } = EF.CompileAsyncQuery(
        ArticleQueries.WithReaderRules((NewsDbContext db, DateTime startUtc, DateTime lastUtc, int skip, int take) => db.Articles.AsNoTracking()
            .Where(a => a.IsVisibleToReaders(lastUtc) && a.PublishedAtUtc >= startUtc)
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Skip(skip).Take(take)
            .Select(a => new SummaryRow { Id = a.Id, Slug = a.Slug, Title = a.Title, Summary = a.Summary, PublishedAtUtc = a.PublishedAtUtc })));

    /// <summary>A page of a tag: the page's ids from one range of the tag rows' index, then only their rows.</summary>
    public Func<NewsDbContext, int, DateTime, int, int, IAsyncEnumerable<SummaryRow>> TagPage { get; } = EF.CompileAsyncQuery(
        ArticleQueries.WithReaderRules((NewsDbContext db, int tagId, DateTime nowUtc, int skip, int take) => db.Articles.AsNoTracking()
            .Join(
                db.Set<Dictionary<string, object>>(NewsDbContext.ArticleTag)
                    .Where(at => EF.Property<int>(at, "TagsId") == tagId && at.IsVisibleToReaders(nowUtc))
                    .OrderByDescending(at => EF.Property<DateTime?>(at, NewsDbContext.ArticleTagPublishedAtUtc))
                    .ThenByDescending(at => EF.Property<int>(at, "ArticlesId"))
                    .Skip(skip).Take(take)
                    .Select(at => EF.Property<int>(at, "ArticlesId")),
                a => a.Id, id => id, (a, _) => a)
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new SummaryRow { Id = a.Id, Slug = a.Slug, Title = a.Title, Summary = a.Summary, PublishedAtUtc = a.PublishedAtUtc })));

    /// <summary>The tag ids of some articles: the join table's two ids only.</summary>
    public Func<NewsDbContext, List<int>, IAsyncEnumerable<TagLinkRow>> TagLinkRows { get; } = EF.CompileAsyncQuery(
        (NewsDbContext db, List<int> articleIds) => db.Set<Dictionary<string, object>>(NewsDbContext.ArticleTag)
            .Where(at => articleIds.Contains(EF.Property<int>(at, "ArticlesId")))
            .Select(at => new TagLinkRow { ArticleId = EF.Property<int>(at, "ArticlesId"), TagId = EF.Property<int>(at, "TagsId") }));

    /// <summary>The visible article with this slug (the slug is unique).</summary>
    public Func<NewsDbContext, DateTime, string, IAsyncEnumerable<ArticleRow>> ArticleBySlug { get; } = EF.CompileAsyncQuery(
        ArticleQueries.WithReaderRules((NewsDbContext db, DateTime nowUtc, string slug) => db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug && a.IsVisibleToReaders(nowUtc))
            .Select(a => new ArticleRow
            {
                Id = a.Id, Slug = a.Slug, Title = a.Title, Summary = a.Summary, Body = a.Body, PublishedAtUtc = a.PublishedAtUtc,
                PublishedTimeKnown = a.PublishedTimeKnown, RevisedAtUtc = a.RevisedAtUtc, Author = a.Author, SourceName = a.SourceName,
                SourceUrl = a.SourceUrl,
            })));

    /// <summary>
    /// The visible article just before (older than) the one at <c>atUtc</c> with id <c>id</c>: those visible now are
    /// those visible at its own, past, instant, so the date has one upper bound (see ArticleLookup.NeighbourIdsAsync).
    /// </summary>
    public Func<NewsDbContext, DateTime, int, IAsyncEnumerable<int>> PreviousId { get; } = EF.CompileAsyncQuery(
        ArticleQueries.WithReaderRules((NewsDbContext db, DateTime atUtc, int id) => db.Articles.AsNoTracking()
            .Where(a => a.IsVisibleToReaders(atUtc))
            .Where(a => a.PublishedAtUtc < atUtc || a.Id < id)
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => a.Id)
            .Take(1)));

    /// <summary>The visible article just after (newer than) the one at <c>atUtc</c> with id <c>id</c>.</summary>
    public Func<NewsDbContext, DateTime, DateTime, int, IAsyncEnumerable<int>> NextId { get; } = EF.CompileAsyncQuery(
        ArticleQueries.WithReaderRules((NewsDbContext db, DateTime nowUtc, DateTime atUtc, int id) => db.Articles.AsNoTracking()
            .Where(a => a.IsVisibleToReaders(nowUtc))
            .Where(a => a.PublishedAtUtc >= atUtc)
            .Where(a => a.PublishedAtUtc > atUtc || a.Id > id)
            .OrderBy(a => a.PublishedAtUtc).ThenBy(a => a.Id)
            .Select(a => a.Id)
            .Take(1)));

    /// <summary>Title, date and status of some articles, by id; the caller applies the rule in memory.</summary>
    public Func<NewsDbContext, List<int>, IAsyncEnumerable<Article>> LinkRows { get; } = EF.CompileAsyncQuery(
        (NewsDbContext db, List<int> ids) => db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new Article { Id = a.Id, Slug = a.Slug, Title = a.Title, PublishedAtUtc = a.PublishedAtUtc, Status = a.Status }));
}
