using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Models;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AseanJapanNews.Web.Data;

/// <summary>What readers can see: every reader page asks here, so all of them agree.</summary>
public sealed class ArticleCatalog(NewsDbContext db, TimeProvider clock, IOptions<NewsOptions> options, ReaderContent readers, ReaderQueries compiled)
{
    private int PageSize => options.Value.PageSize;

    private IQueryable<Article> Visible =>
        db.Articles.AsNoTracking().VisibleToReaders(clock.GetUtcNow().UtcDateTime);

    public async Task<PagedList<ArticleSummary>> ListAsync(ArticleListQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var skip = new PageWindow(query.Page, PageSize).Skip;
        if (query is { Tags: [var slug], From: null, To: null } && (await TagDirectoryAsync(ct)).BySlug.TryGetValue(slug, out var tag))
        {
            // A tag page: its rows are one range of the tag's index entries, its total one of the memoized counts.
            var tagged = (await VisibleCountByTagAsync(ct)).GetValueOrDefault(tag.Id);
            return await SummariesAsync(await compiled.TagPage(db, tag.Id, now, skip, PageSize).ToListAsync(ct), tagged, query.Page, ct);
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
            var rows = await compiled.ListPage(db, StartUtc(query.From), lastUtc, skipInRange, PageSize).ToListAsync(ct);
            return await SummariesAsync(rows, total, query.Page, ct);
        }
        // Several tags, or a tag and dates: SQLite starts from the tags' rows and sorts the matches.
        var articles = await WithAllTagsAsync(Matching(), query.Tags, ct);
        return await TaggedPageAsync(articles, await CountAsync(() => articles, query, ct), query.Page, ct);
    }

    /// <summary>From how many newer articles on a page of the whole list starts at its month (<see cref="StartOfDeepPageAsync"/>).</summary>
    public const int DeepPageRows = 1_000;

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

    private IQueryable<Dictionary<string, object>> TagRows => db.Set<Dictionary<string, object>>(NewsDbContext.ArticleTag);

    public async Task<ArticleView?> FindAsync(string slug, CancellationToken ct)
    {
        var article = await compiled.ArticleBySlug(db, clock.GetUtcNow().UtcDateTime, slug).FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return null;
        }
        var tags = await TagLinksAsync([article.Id], ct);
        return new ArticleView(
            article.Slug, article.Title, article.Summary, ArticleMarkdown.ToHtml(article.Body),
            article.PublishedAtUtc!.Value, article.PublishedTimeKnown, article.RevisedAtUtc,
            article.Author, article.SourceName, article.SourceUrl, tags.GetValueOrDefault(article.Id, []))
        {
            Id = article.Id,
            ReadingMinutes = ReadingTime.Minutes(article.Summary + " " + ArticleMarkdown.ToPlainText(article.Body)),
        };
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
        var directory = await TagDirectoryAsync(ct);
        foreach (var slug in slugs.Distinct())
        {
            if (!directory.BySlug.TryGetValue(slug, out var tag))
            {
                return articles.Where(a => false);
            }
            var id = tag.Id;
            var tagged = TagRows
                .Where(at => EF.Property<int>(at, "TagsId") == id)
                .Select(at => EF.Property<int>(at, "ArticlesId"));
            articles = articles.Where(a => tagged.Contains(a.Id));
        }
        return articles;
    }

    /// <summary>The tags of each article, in Vietnamese order, for a page of articles.</summary>
    /// <remarks>
    /// Only the join table's two ids are read, and named from the memoized tag directory: joining the tag rows
    /// for their names was 10-15% of the CPU of a list page. (The search index, which has no directory, uses
    /// <see cref="ArticleQueries.TagLinksAsync"/>.)
    /// </remarks>
    private async Task<Dictionary<int, List<TagLink>>> TagLinksAsync(List<int> articleIds, CancellationToken ct)
    {
        if (articleIds.Count == 0)
        {
            return [];
        }
        var rows = await compiled.TagLinkRows(db, articleIds).ToListAsync(ct);
        var byId = (await TagDirectoryAsync(ct)).ById;
        return rows
            .Where(r => byId.ContainsKey(r.TagId))
            .GroupBy(r => r.ArticleId)
            .ToDictionary(g => g.Key, g => g
                .Select(r => byId[r.TagId])
                .OrderBy(t => t.SortKey, StringComparer.Ordinal)
                .Select(t => new TagLink(t.Name, t.Slug))
                .ToList());
    }

    private sealed record TagEntry(int Id, string Name, string Slug, string SortKey);

    private sealed class TagDirectory(List<TagEntry> tags)
    {
        public Dictionary<string, TagEntry> BySlug { get; } = tags.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        public Dictionary<int, TagEntry> ById { get; } = tags.ToDictionary(t => t.Id);
    }

    /// <summary>
    /// Every tag by slug and by id (5,000 tags are a few hundred KB), kept until reader content changes: tags change
    /// only by saves, which clear it. Tag pages, filters, feeds and lists then name their tags without a query.
    /// </summary>
    private Task<TagDirectory> TagDirectoryAsync(CancellationToken ct) =>
        readers.MemoAsync("tag-directory", async () =>
            new TagDirectory(await db.Tags.AsNoTracking().Select(t => new TagEntry(t.Id, t.Name, t.Slug, t.SortKey)).ToListAsync(ct)));

    /// <summary>The ids of the visible articles just before (older) and just after (newer) this one, by publication time.</summary>
    /// <remarks>
    /// "At or before the instant" is a range the (status, date) index can seek to; the same-instant tie is
    /// then settled by id, as NewestFirst does.
    /// </remarks>
    public async Task<(int? Previous, int? Next)> NeighbourIdsAsync(ArticleView article, CancellationToken ct)
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
            .ToDictionary(a => a.Id, a => new ArticleLink(a.Slug, a.Title, a.PublishedAtUtc!.Value));
    }

    /// <summary>The named tags that exist, in Vietnamese order; unknown slugs are simply absent.</summary>
    public async Task<List<TagLink>> TagsAsync(IEnumerable<string> slugs, CancellationToken ct)
    {
        var wanted = slugs.ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        var directory = await TagDirectoryAsync(ct);
        return wanted.Distinct()
            .Select(slug => directory.BySlug.GetValueOrDefault(slug))
            .OfType<TagEntry>()
            .OrderBy(t => t.SortKey, StringComparer.Ordinal)
            .Select(t => new TagLink(t.Name, t.Slug))
            .ToList();
    }

    /// <summary>Where an article that had this address lives now, while readers can see it.</summary>
    public Task<string?> MovedToAsync(string oldSlug, CancellationToken ct) =>
        db.SlugRedirects.Where(r => r.OldSlug == oldSlug)
            .Join(Visible, r => r.ArticleId, a => a.Id, (r, a) => a.Slug)
            .FirstOrDefaultAsync(ct);

    /// <summary>The topic as readers know it: null when there is no such tag, or when none of its articles is visible yet.</summary>
    public async Task<TagLink?> VisibleTagAsync(string slug, CancellationToken ct) =>
        (await TagsAsync([slug], ct)).SingleOrDefault() is { } tag && await HasVisibleArticlesAsync(slug, ct) ? tag : null;

    /// <summary>Whether readers can see any article of this tag: the memoized tag counts already know.</summary>
    /// <remarks>By slug and id, not a scan of the 5,000 counts (1% of an uncached tag page's CPU).</remarks>
    private async Task<bool> HasVisibleArticlesAsync(string tagSlug, CancellationToken ct) =>
        (await TagDirectoryAsync(ct)).BySlug.TryGetValue(tagSlug, out var tag)
        && (await VisibleCountByTagAsync(ct)).ContainsKey(tag.Id);

    /// <summary>Tags that have at least one visible article, with counts, in Vietnamese alphabetical order.</summary>
    /// <remarks>Kept until readers' content changes.</remarks>
    public Task<List<TagCount>> TagCountsAsync(CancellationToken ct) =>
        readers.MemoAsync("tag-counts", async () =>
        {
            var counts = await VisibleCountByTagAsync(ct);
            return (await TagDirectoryAsync(ct)).BySlug.Values
                .Where(t => counts.ContainsKey(t.Id))
                .OrderBy(t => t.SortKey, StringComparer.Ordinal)
                .Select(t => new TagCount(t.Name, t.Slug, counts[t.Id]))
                .ToList();
        });

    /// <summary>The <paramref name="count"/> tags with the most visible articles, ties in Vietnamese order; kept until readers' content changes.</summary>
    /// <remarks>Sorting the 5,000 counts on every home page was 4% of its CPU.</remarks>
    public Task<List<TagCount>> MostUsedTagsAsync(int count, CancellationToken ct) =>
        readers.MemoAsync($"most-used-tags:{count}", async () =>
            (await TagCountsAsync(ct)).OrderByDescending(t => t.Count).Take(count).ToList());

    /// <summary>Visible articles per tag id, counted over the join table's index alone; kept until readers' content changes.</summary>
    private Task<Dictionary<int, int>> VisibleCountByTagAsync(CancellationToken ct) =>
        readers.MemoAsync("visible-count-by-tag", () => TagRows
            .VisibleToReaders(clock.GetUtcNow().UtcDateTime)
            .GroupBy(at => EF.Property<int>(at, "TagsId"))
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, ct));

    /// <summary>Months (in Vietnam time) that have visible articles, newest first; kept until readers' content changes.</summary>
    public Task<List<ArchiveMonth>> MonthsAsync(CancellationToken ct) =>
        readers.MemoAsync("archive-months", () =>
            Visible
                .Select(a => a.PublishedAtUtc!.Value.AddHours(VietnamTime.OffsetHours))
                .GroupBy(local => new { local.Year, local.Month })
                .OrderByDescending(g => g.Key.Year).ThenByDescending(g => g.Key.Month)
                .Select(g => new ArchiveMonth(g.Key.Year, g.Key.Month, g.Count()))
                .ToListAsync(ct));

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
            ids = (await TagDirectoryAsync(ct)).BySlug.TryGetValue(tagSlug, out var tag)
                ? await TagRows.NewestWithTag(tag.Id, clock.GetUtcNow().UtcDateTime).Take(count).Select(t => t.ArticleId).ToListAsync(ct)
                : [];
        }
        var rows = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Slug, a.Title, a.Summary, a.Body, a.PublishedAtUtc, a.RevisedAtUtc, a.Author, a.SourceName, a.SourceUrl })
            .ToDictionaryAsync(r => r.Id, ct);
        var tags = await TagLinksAsync(ids, ct);
        return ids.Where(rows.ContainsKey).Select(id => rows[id])
            .Select(r => new FeedArticle(r.Slug, r.Title, r.Summary, r.Body, r.PublishedAtUtc!.Value, r.RevisedAtUtc, r.Author, r.SourceName, r.SourceUrl, tags.GetValueOrDefault(r.Id, [])))
            .ToList();
    }

    /// <summary>Months (in Vietnam time) that have visible articles, newest first, with when each last changed.</summary>
    /// <remarks>
    /// Apart from the archive's memoized <see cref="MonthsAsync"/>: the last change needs every article's row (the
    /// date index has no RevisedAtUtc), and with it the archive index's first view after a change went from
    /// 0.13-0.15 s to 0.41-0.55 s at 100,000 articles. The sitemap index is output-cached and read by crawlers.
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
    /// The newest per tag from the tag rows' own index, named from the tag directory. Joining articles, their tag
    /// rows and the tags and grouping by name took 0.69-0.81 s at 100,000 articles for the first crawl after a
    /// change; the whole sitemap now takes 0.39-0.45 s, most of it the months (<see cref="SitemapMonthsAsync"/>).
    /// </remarks>
    public async Task<SitemapPages> SitemapPagesAsync(CancellationToken ct)
    {
        var newest = await TagRows
            .VisibleToReaders(clock.GetUtcNow().UtcDateTime)
            .GroupBy(at => EF.Property<int>(at, "TagsId"))
            .Select(g => new { TagId = g.Key, LatestUtc = g.Max(at => EF.Property<DateTime?>(at, NewsDbContext.ArticleTagPublishedAtUtc))!.Value })
            .ToListAsync(ct);
        var byId = (await TagDirectoryAsync(ct)).ById;
        var tags = newest
            .Where(n => byId.ContainsKey(n.TagId))
            .Select(n => (Tag: byId[n.TagId], n.LatestUtc))
            .OrderBy(n => n.Tag.SortKey, StringComparer.Ordinal)
            .Select(n => new SitemapTag(n.Tag.Slug, n.LatestUtc))
            .ToList();
        return new SitemapPages(tags, await SitemapMonthsAsync(ct));
    }

    /// <summary>A page of a filter on tags: the page's ids chosen in a subquery, then only their rows read.</summary>
    /// <remarks>
    /// Starting from the tags' rows, SQLite sorts the matches; read whole, the sorter took the shown columns of every
    /// match, and the status and date after each body's overflow pages: 18-21 → 7.4-8.2 ms of CPU for page 60 of a
    /// tag on 5,400 articles with the ids first, 1.8-2.5 → 1.2-1.5 ms for the first page of a tag on 375.
    /// </remarks>
    private async Task<PagedList<ArticleSummary>> TaggedPageAsync(IQueryable<Article> articles, int total, int page, CancellationToken ct)
    {
        var window = new PageWindow(page, PageSize);
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
        var tags = await TagLinksAsync(rows.Select(r => r.Id).ToList(), ct);
        var items = rows
            .Select(r => new ArticleSummary(r.Slug, r.Title, r.Summary, r.PublishedAtUtc!.Value, tags.GetValueOrDefault(r.Id, [])))
            .ToList();
        return new PagedList<ArticleSummary>(items, page, PageSize, total);
    }
}
