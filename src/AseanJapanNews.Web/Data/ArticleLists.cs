using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Data;

/// <summary>An article as lists show it: never the body.</summary>
public sealed record ArticleSummary(int Id, string Slug, string Title, string Summary, DateTime PublishedAtUtc, IReadOnlyList<TagLink> Tags)
{
    public string ShortDate => VietnamTime.ShortDate(PublishedAtUtc);
    public string IsoDate => VietnamTime.Iso(PublishedAtUtc);
}

/// <summary>A month (Vietnam time) of the archive, with how many visible articles it holds.</summary>
public sealed record ArchiveMonth(int Year, int Month, int Count);

/// <summary>
/// The lists readers page through: the home page and all articles, a tag's page, the archive's periods, and any of
/// them narrowed by tags and dates; and the archive's months.
/// </summary>
public sealed class ArticleLists(NewsDbContext db, TimeProvider clock, int pageSize, ReaderContent readers, ReaderQueries compiled, TagDirectory tags)
{
    /// <summary>From how many newer articles on a page of the whole list starts at its month (<see cref="StartOfDeepPageAsync"/>).</summary>
    public const int DeepPageRows = 1_000;

    public async Task<PagedList<ArticleSummary>> PageAsync(ArticleListQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var skip = new PageWindow(query.Page, pageSize).Skip;
        if (query is { Tags: [var slug], From: null, To: null } && (await tags.IndexAsync(ct)).BySlug.TryGetValue(slug, out var tag))
        {
            // A tag page: its rows are one range of the tag's index entries, its total one of the memoized counts.
            var tagged = (await tags.VisibleCountByIdAsync(ct)).GetValueOrDefault(tag.Id);
            return await SummariesAsync(await compiled.TagPage(db, tag.Id, now, skip, pageSize).ToListAsync(ct), tagged, query.Page, ct);
        }
        // Composed only where it runs: for a total not yet memoized, and for filters on tags.
        IQueryable<Article> Matching() => db.Articles.AsNoTracking().VisibleToReaders(now, query.From, query.To);
        if (query is { Tags: [] })
        {
            // The home list and its pages, or a period of it (the month archive, date filters).
            var total = await CountAsync(Matching, query, ct);
            var (lastUtc, skipInRange) = query is { From: null, To: null } && skip >= DeepPageRows
                ? await StartOfDeepPageAsync(now, skip, ct)
                : (LastVisibleUtc(query.To, now), skip);
            var rows = await compiled.ListPage(db, StartUtc(query.From), lastUtc, skipInRange, pageSize).ToListAsync(ct);
            return await SummariesAsync(rows, total, query.Page, ct);
        }
        // Several tags, or a tag and dates: SQLite starts from the tags' rows and sorts the matches.
        var articles = await WithAllTagsAsync(Matching(), query.Tags, ct);
        return await TaggedPageAsync(articles, await CountAsync(() => articles, query, ct), query.Page, ct);
    }

    /// <summary>Months (in Vietnam time) that have visible articles, newest first; kept until readers' content changes.</summary>
    public Task<List<ArchiveMonth>> MonthsAsync(CancellationToken ct) =>
        readers.MemoAsync("archive-months", () =>
            db.Articles.AsNoTracking().VisibleToReaders(clock.GetUtcNow().UtcDateTime)
                .Select(a => a.PublishedAtUtc!.Value.AddHours(VietnamTime.OffsetHours))
                .GroupBy(local => new { local.Year, local.Month })
                .OrderByDescending(g => g.Key.Year).ThenByDescending(g => g.Key.Month)
                .Select(g => new ArchiveMonth(g.Key.Year, g.Key.Month, g.Count()))
                .ToListAsync(ct));

    /// <summary>
    /// Where a deep page of the whole list starts: at the end of the month that holds its first article, past that
    /// month's newer articles only. The archive's memoized month counts say how many newer articles the months after
    /// it hold, so SQLite steps over at most one month's index entries instead of every newer one (3,980 on page 200
    /// at 100,000 articles: 30% of that page's CPU, docs/reader-page-profile.md).
    /// </summary>
    private async Task<(DateTime LastUtc, int Skip)> StartOfDeepPageAsync(DateTime nowUtc, int skip, CancellationToken ct)
    {
        var newer = 0;
        foreach (var month in await MonthsAsync(ct))
        {
            if (skip < newer + month.Count)
            {
                var lastDay = new DateOnly(month.Year, month.Month, 1).AddMonths(1).AddDays(-1);
                return (LastVisibleUtc(lastDay, nowUtc), skip - newer);
            }
            newer += month.Count;
        }
        return (LastVisibleUtc(null, nowUtc), skip); // past the last article: an empty page either way
    }

    /// <summary>
    /// How many articles a list query matches. The total needs every matching row; it only changes with the
    /// content, so it is kept until then.
    /// </summary>
    private async Task<int> CountAsync(Func<IQueryable<Article>> articles, ArticleListQuery query, CancellationToken ct)
    {
        var key = $"count:{string.Join(',', query.Tags.Order(StringComparer.Ordinal))}:{query.From:O}:{query.To:O}";
        return (int)await readers.MemoAsync(key, async () => (object)await articles().CountAsync(ct));
    }

    /// <summary>The first instant of a period that starts on Vietnam day <paramref name="from"/>, or of all time.</summary>
    private static DateTime StartUtc(DateOnly? from) => from is { } day ? VietnamTime.StartOfDayUtc(day) : DateTime.MinValue;

    /// <summary>
    /// The last instant whose articles a reader sees in a period that ends with Vietnam day <paramref name="to"/>:
    /// the period's last tick, or now when the period is not over (a scheduled article in it stays hidden).
    /// </summary>
    private static DateTime LastVisibleUtc(DateOnly? to, DateTime nowUtc)
    {
        var endUtc = to is { } day ? VietnamTime.StartOfDayUtc(day.AddDays(1)) : DateTime.MaxValue;
        return endUtc <= nowUtc ? endUtc.AddTicks(-1) : nowUtc;
    }

    /// <summary>
    /// Articles carrying every tag in <paramref name="slugs"/>, as "id in (the tag's rows of the join table)": the
    /// database then starts from the tag's index entries instead of testing every visible article.
    /// </summary>
    private async Task<IQueryable<Article>> WithAllTagsAsync(IQueryable<Article> articles, IReadOnlyList<string> slugs, CancellationToken ct)
    {
        if (slugs.Count == 0)
        {
            return articles;
        }
        var index = await tags.IndexAsync(ct);
        foreach (var slug in slugs.Distinct())
        {
            if (!index.BySlug.TryGetValue(slug, out var tag))
            {
                return articles.Where(a => false);
            }
            var id = tag.Id;
            var tagged = db.ArticleTagRows()
                .Where(at => EF.Property<int>(at, "TagsId") == id)
                .Select(at => EF.Property<int>(at, "ArticlesId"));
            articles = articles.Where(a => tagged.Contains(a.Id));
        }
        return articles;
    }

    /// <summary>A page of a filter on tags: the page's ids chosen in a subquery, then only their rows read.</summary>
    /// <remarks>
    /// Starting from the tags' rows, SQLite sorts the matches; read whole, the sorter carried the shown columns of
    /// every match, and read the status and date past each body's overflow pages (docs/performance-history.md).
    /// </remarks>
    private async Task<PagedList<ArticleSummary>> TaggedPageAsync(IQueryable<Article> articles, int total, int page, CancellationToken ct)
    {
        var window = new PageWindow(page, pageSize);
        var ids = articles.NewestFirst().Skip(window.Skip).Take(window.Size).Select(a => a.Id);
        var rows = await WithIds(ids)
            .Select(a => new ReaderQueries.SummaryRow { Id = a.Id, Slug = a.Slug, Title = a.Title, Summary = a.Summary, PublishedAtUtc = a.PublishedAtUtc })
            .ToListAsync(ct);
        return await SummariesAsync(rows, total, page, ct);
    }

    /// <summary>The articles whose ids <paramref name="ids"/> chooses, newest first.</summary>
    /// <remarks>A join, not Contains: EF sends a page's skip and take as parameters only in this form.</remarks>
    private IQueryable<Article> WithIds(IQueryable<int> ids) =>
        db.Articles.AsNoTracking().Join(ids, a => a.Id, id => id, (a, _) => a).NewestFirst();

    /// <summary>One page of a list: its articles' own columns, read by the caller, and their tags in a second, flat query.</summary>
    private async Task<PagedList<ArticleSummary>> SummariesAsync(List<ReaderQueries.SummaryRow> rows, int total, int page, CancellationToken ct)
    {
        var tagLinks = await tags.LinksOfAsync(rows.Select(r => r.Id).ToList(), ct);
        var items = rows
            .Select(r => new ArticleSummary(r.Id, r.Slug, r.Title, r.Summary, r.PublishedAtUtc!.Value, tagLinks.GetValueOrDefault(r.Id, [])))
            .ToList();
        return new PagedList<ArticleSummary>(items, page, pageSize, total);
    }
}
