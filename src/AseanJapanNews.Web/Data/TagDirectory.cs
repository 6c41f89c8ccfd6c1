using AseanJapanNews.Web.Caching;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Data;

/// <summary>A tag as a link: its name and its slug.</summary>
public sealed record TagLink(string Name, string Slug);

/// <summary>A tag with how many visible articles carry it.</summary>
public sealed record TagCount(string Name, string Slug, int Count);

/// <summary>
/// The tags as readers know them: every tag by slug and by id, and how many visible articles each has. Memoized
/// until reader content changes, so tag pages, filters, feeds and lists name their tags without a query.
/// </summary>
public sealed class TagDirectory(NewsDbContext db, TimeProvider clock, ReaderContent readers, ReaderQueries compiled)
{
    internal sealed record Entry(int Id, string Name, string Slug, string SortKey);

    internal sealed class Index(List<Entry> tags)
    {
        public Dictionary<string, Entry> BySlug { get; } = tags.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        public Dictionary<int, Entry> ById { get; } = tags.ToDictionary(t => t.Id);
    }

    /// <summary>
    /// Every tag by slug and by id (5,000 tags are a few hundred KB), kept until reader content changes: tags change
    /// only by saves, which clear it.
    /// </summary>
    internal Task<Index> IndexAsync(CancellationToken ct) =>
        readers.MemoAsync("tag-directory", async () =>
            new Index(await db.Tags.AsNoTracking().Select(t => new Entry(t.Id, t.Name, t.Slug, t.SortKey)).ToListAsync(ct)));

    /// <summary>The named tags that exist, in Vietnamese order; unknown slugs are simply absent.</summary>
    public async Task<List<TagLink>> NamedAsync(IEnumerable<string> slugs, CancellationToken ct)
    {
        var wanted = slugs.ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        var index = await IndexAsync(ct);
        return wanted.Distinct()
            .Select(slug => index.BySlug.GetValueOrDefault(slug))
            .OfType<Entry>()
            .OrderBy(t => t.SortKey, StringComparer.Ordinal)
            .Select(t => new TagLink(t.Name, t.Slug))
            .ToList();
    }

    /// <summary>The topic as readers know it: null when there is no such tag, or when none of its articles is visible yet.</summary>
    public async Task<TagLink?> VisibleAsync(string slug, CancellationToken ct) =>
        (await NamedAsync([slug], ct)).SingleOrDefault() is { } tag && await HasVisibleArticlesAsync(slug, ct) ? tag : null;

    /// <summary>Whether readers can see any article of this tag: the memoized tag counts already know.</summary>
    /// <remarks>By slug and id, not a scan of the 5,000 counts (1% of an uncached tag page's CPU).</remarks>
    private async Task<bool> HasVisibleArticlesAsync(string slug, CancellationToken ct) =>
        (await IndexAsync(ct)).BySlug.TryGetValue(slug, out var tag)
        && (await VisibleCountByIdAsync(ct)).ContainsKey(tag.Id);

    /// <summary>Tags that have at least one visible article, with counts, in Vietnamese alphabetical order.</summary>
    /// <remarks>Kept until readers' content changes.</remarks>
    public Task<List<TagCount>> CountsAsync(CancellationToken ct) =>
        readers.MemoAsync("tag-counts", async () =>
        {
            var counts = await VisibleCountByIdAsync(ct);
            return (await IndexAsync(ct)).BySlug.Values
                .Where(t => counts.ContainsKey(t.Id))
                .OrderBy(t => t.SortKey, StringComparer.Ordinal)
                .Select(t => new TagCount(t.Name, t.Slug, counts[t.Id]))
                .ToList();
        });

    /// <summary>The <paramref name="count"/> tags with the most visible articles, ties in Vietnamese order; kept until readers' content changes.</summary>
    /// <remarks>Sorting the 5,000 counts on every home page was 4% of its CPU.</remarks>
    public Task<List<TagCount>> MostUsedAsync(int count, CancellationToken ct) =>
        readers.MemoAsync($"most-used-tags:{count}", async () =>
            (await CountsAsync(ct)).OrderByDescending(t => t.Count).Take(count).ToList());

    /// <summary>Visible articles per tag id, counted over the join table's index alone; kept until readers' content changes.</summary>
    internal Task<Dictionary<int, int>> VisibleCountByIdAsync(CancellationToken ct) =>
        readers.MemoAsync("visible-count-by-tag", () => db.ArticleTagRows()
            .VisibleToReaders(clock.GetUtcNow().UtcDateTime)
            .GroupBy(at => EF.Property<int>(at, "TagsId"))
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, ct));

    /// <summary>The tags of each article, in Vietnamese order, for a page of articles.</summary>
    /// <remarks>
    /// Only the join table's two ids are read, and named from the memoized directory: joining the tag rows
    /// for their names was 10-15% of the CPU of a list page. (The search index, which has no directory, uses
    /// <see cref="ArticleQueries.TagLinksAsync"/>.)
    /// </remarks>
    internal async Task<Dictionary<int, List<TagLink>>> LinksOfAsync(List<int> articleIds, CancellationToken ct)
    {
        if (articleIds.Count == 0)
        {
            return [];
        }
        var rows = await compiled.TagLinkRows(db, articleIds).ToListAsync(ct);
        var byId = (await IndexAsync(ct)).ById;
        return rows
            .Where(r => byId.ContainsKey(r.TagId))
            .GroupBy(r => r.ArticleId)
            .ToDictionary(g => g.Key, g => g
                .Select(r => byId[r.TagId])
                .OrderBy(t => t.SortKey, StringComparer.Ordinal)
                .Select(t => new TagLink(t.Name, t.Slug))
                .ToList());
    }
}
