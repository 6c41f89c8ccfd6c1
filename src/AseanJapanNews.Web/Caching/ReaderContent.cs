using AseanJapanNews.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Caching;

/// <summary>
/// Knows when what readers can see has changed, and says so to every cache of reader content at once
/// (the output cache, by its <see cref="Tag"/>, and the catalog's memoized counts, by <see cref="Version"/>).
/// Three things change it: a save in this process (<see cref="ReaderChangeInterceptor"/>), a scheduled article
/// becoming due (nobody saves anything at that minute), and a write by another process (the import command),
/// noticed by a cheap check at most once per <see cref="OutsideCheckInterval"/>.
/// </summary>
public sealed class ReaderContent(IOutputCacheStore store, TimeProvider clock, ILogger<ReaderContent> logger)
{
    /// <summary>Every cached reader response carries this tag.</summary>
    public const string Tag = "reader";

    public static readonly TimeSpan OutsideCheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>Reader pages are the endpoints with the reader output-cache policy.</summary>
    public static bool IsReaderPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is not null;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Version, object Value)> memo = new(StringComparer.Ordinal);

    private readonly Lock gate = new();
    private long version;
    private bool nextDueKnown;
    private DateTime? nextDueUtc;
    private DateTime nextOutsideCheckUtc = DateTime.MinValue;
    private DateTime? lastSeenUpdateUtc;

    /// <summary>Bumped on every change; anything memoized under an older version is stale.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>Readers may now see something else: drop every cached reader response.</summary>
    public async Task ChangedAsync(CancellationToken ct = default)
    {
        lock (gate)
        {
            version++;
            nextDueKnown = false;
            memo.Clear();
            byArticle.Clear();
        }
        await store.EvictByTagAsync(Tag, ct);
    }

    private const int MaxMemoEntries = 20_000;

    /// <summary>
    /// A value computed from reader content (tag counts, archive months) kept until the next change, so pages that
    /// show such totals do not aggregate 100,000 rows on every request.
    /// </summary>
    public async Task<T> MemoAsync<T>(string key, Func<Task<T>> compute) where T : class
    {
        var current = Version;
        if (memo.TryGetValue(key, out var held) && held.Version == current)
        {
            return (T)held.Value;
        }
        var value = await compute();
        // Keys come from query strings: bounded, so odd filters cannot fill the memory.
        if (memo.Count < MaxMemoEntries || memo.ContainsKey(key))
        {
            memo[key] = (current, value);
        }
        return value;
    }

    /// <summary>At most one entry per article (ids only, a few dozen bytes each): 200,000 is a few MB.</summary>
    private const int MaxArticleMemoEntries = 200_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, (long Version, int[] Ids)> byArticle = new();

    /// <summary>
    /// Article ids computed for one article (its related articles) kept until the next change of reader content.
    /// A value computed while a change happened is stored under the older version, so it is never served.
    /// </summary>
    public async Task<int[]> MemoIdsAsync(int articleId, Func<Task<int[]>> compute)
    {
        var current = Version;
        if (byArticle.TryGetValue(articleId, out var held) && held.Version == current)
        {
            return held.Ids;
        }
        var ids = await compute();
        if (byArticle.Count < MaxArticleMemoEntries || byArticle.ContainsKey(articleId))
        {
            byArticle[articleId] = (current, ids);
        }
        return ids;
    }

    /// <summary>
    /// Called before each reader request is looked up in the cache: evicts when a scheduled article has become due
    /// or another process changed the articles. Costs a comparison of two instants, and a query only after a change
    /// or once a second.
    /// </summary>
    public async Task EnsureFreshAsync(IServiceProvider services, CancellationToken ct)
    {
        NewsDbContext Db() => services.GetRequiredService<NewsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        bool due, known, checkOutside;
        lock (gate)
        {
            known = nextDueKnown;
            due = nextDueKnown && nextDueUtc is { } at && at <= now;
            checkOutside = now >= nextOutsideCheckUtc;
            if (checkOutside)
            {
                nextOutsideCheckUtc = now + OutsideCheckInterval;
            }
        }
        if (due)
        {
            logger.LogInformation("A scheduled article is due; reader caches cleared");
            await ChangedAsync(ct);
            known = false;
        }
        if (checkOutside)
        {
            // Admin and import saves bump UpdatedAtUtc; an index on it makes this a single seek.
            var lastUpdate = await Db().Articles.AsNoTracking().MaxAsync(a => (DateTime?)a.UpdatedAtUtc, ct);
            bool changedOutside;
            lock (gate)
            {
                changedOutside = lastSeenUpdateUtc is not null && lastUpdate != lastSeenUpdateUtc;
                lastSeenUpdateUtc = lastUpdate;
            }
            if (changedOutside)
            {
                await ChangedAsync(ct);
                known = false;
            }
        }
        if (!known)
        {
            await LearnNextDueAsync(Db(), now, ct);
        }
    }

    private async Task LearnNextDueAsync(NewsDbContext db, DateTime now, CancellationToken ct)
    {
        long seen;
        lock (gate)
        {
            seen = version;
        }
        var next = await db.Articles.AsNoTracking()
            .Scheduled(now)
            .MinAsync(a => a.PublishedAtUtc, ct);
        lock (gate)
        {
            // A change that arrived meanwhile may have scheduled something sooner: learn again next time.
            if (seen == version)
            {
                nextDueUtc = next;
                nextDueKnown = true;
            }
        }
    }
}
