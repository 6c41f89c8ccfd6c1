using AseanJapanNews.Web.Changes;
using AseanJapanNews.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Caching;

/// <summary>
/// Keeps this process's reader caches in step with the change log: the output cache, page by page through
/// <see cref="CacheTags"/>, and the memoized counts and lists (<see cref="MemoAsync{T}"/>), which only a change of
/// placement (an article appearing, leaving, moving) makes stale. A scheduled article becoming due is a change no
/// one saved: it is noticed by <see cref="EnsureFreshAsync"/> before each reader request, by comparing two instants.
/// </summary>
public sealed class ReaderContent(IOutputCacheStore store, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReaderContent> logger)
    : IChangeFollower, IDisposable
{
    /// <summary>Every cached reader response carries this tag.</summary>
    public const string Tag = CacheTags.Every;

    /// <summary>Reader pages are the endpoints with the reader output-cache policy.</summary>
    public static bool IsReaderPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is not null;

    private const int Batch = 500;

    private readonly SemaphoreSlim following = new(1, 1);
    private long position = -1;

    private readonly Lock gate = new();
    private long version;
    private long listsVersion;
    private bool nextDueKnown;
    private DateTime? nextDueUtc;
    private DateTime dueCheckedUpToUtc = clock.GetUtcNow().UtcDateTime;

    public void Dispose() => following.Dispose();

    /// <summary>Evicts after the search index and "Đọc thêm" have caught up (<see cref="ChangeFollowers"/>).</summary>
    public bool HoldsPages => true;

    /// <summary>Bumped whenever anything is evicted: a page rendered meanwhile may be stale and is not stored.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>Bumped when an article appears, leaves or moves: what memoized counts and lists depend on.</summary>
    public long ListsVersion => Interlocked.Read(ref listsVersion);

    /// <summary>The last change-log entry this process has evicted for.</summary>
    public long Position => Interlocked.Read(ref position);

    /// <summary>Reads the change log on from where this process left it and evicts what each change touched.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        await following.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            if (position < 0)
            {
                // Nothing is cached before the first look: start from the log's end.
                Interlocked.Exchange(ref position, await ChangeLog.LatestIdAsync(db, ct));
                return;
            }
            while (true)
            {
                var changes = await ChangeLog.AfterAsync(db, position, Batch, ct);
                if (changes.Count == 0)
                {
                    return;
                }
                var tags = await scope.ServiceProvider.GetRequiredService<ReaderEvictions>()
                    .TagsAsync(changes, clock.GetUtcNow().UtcDateTime, ct);
                var placement = tags is null || changes.Any(c => c.Kind != ChangeKind.Content);
                await EvictAsync(tags, placement, ct);
                Interlocked.Exchange(ref position, changes[^1].Id);
            }
        }
        finally
        {
            following.Release();
        }
    }

    private async Task EvictAsync(HashSet<string>? tags, bool placement, CancellationToken ct)
    {
        lock (gate)
        {
            version++;
            // Any change may schedule something or move a scheduled article.
            nextDueKnown = false;
            if (placement)
            {
                listsVersion++;
                memo.Clear();
            }
        }
        foreach (var tag in tags ?? [Tag])
        {
            await store.EvictByTagAsync(tag, ct);
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Version, Task<object> Value)> memo = new(StringComparer.Ordinal);

    private const int MaxMemoEntries = 20_000;

    /// <summary>
    /// A value computed from where articles are listed (tag counts, archive months) kept until one appears, leaves or
    /// moves, so pages that show such totals do not aggregate 100,000 rows on every request. Requests that miss at
    /// once share one computation: after a publication, thirty-two readers asked the same aggregate thirty-two times.
    /// </summary>
    public async Task<T> MemoAsync<T>(string key, Func<Task<T>> compute) where T : class
    {
        var current = ListsVersion;
        if (memo.TryGetValue(key, out var held) && held.Version == current)
        {
            return (T)await SharedOrOwnAsync(held.Value, compute);
        }
        // Keys come from query strings: bounded, so odd filters cannot fill the memory.
        if (memo.Count >= MaxMemoEntries && !memo.ContainsKey(key))
        {
            return await compute();
        }
        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = memo.AddOrUpdate(key, (current, mine.Task), (_, old) => old.Version == current ? old : (current, mine.Task));
        if (entry.Value != mine.Task)
        {
            return (T)await SharedOrOwnAsync(entry.Value, compute);
        }
        try
        {
            var value = await compute();
            mine.SetResult(value);
            return value;
        }
        catch (Exception e)
        {
            // Those waiting compute for themselves (this request may only have been cancelled).
            memo.TryRemove(new KeyValuePair<string, (long, Task<object>)>(key, entry));
            mine.SetException(e);
            throw;
        }
    }

    /// <summary>Another request's computation, or this request's own when that one failed.</summary>
    private static async Task<object> SharedOrOwnAsync<T>(Task<object> shared, Func<Task<T>> compute) where T : class
    {
        try
        {
            return await shared;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return await compute();
        }
    }

    /// <summary>
    /// Called before each reader request is looked up in the cache: evicts for a scheduled article that has become
    /// due. Costs a comparison of two instants, and queries only when one is due or after a change.
    /// </summary>
    public async Task EnsureFreshAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        bool due, known;
        DateTime since;
        lock (gate)
        {
            known = nextDueKnown;
            due = nextDueKnown && nextDueUtc is { } at && at <= now;
            since = dueCheckedUpToUtc;
        }
        var db = services.GetRequiredService<NewsDbContext>();
        if (due)
        {
            var appeared = await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc > since && a.PublishedAtUtc <= now)
                .Select(a => a.Id)
                .ToListAsync(ct);
            logger.LogInformation("{Count} scheduled article(s) became due; their pages and lists evicted", appeared.Count);
            var tags = appeared.Select(CacheTags.Article).ToHashSet(StringComparer.Ordinal);
            await services.GetRequiredService<ReaderEvictions>().AddPlacesAsync(tags, appeared, now, ct);
            lock (gate)
            {
                dueCheckedUpToUtc = now;
            }
            await EvictAsync(tags, placement: true, ct);
            known = false;
        }
        if (!known)
        {
            await LearnNextDueAsync(db, now, ct);
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
                if (next is null)
                {
                    dueCheckedUpToUtc = now;
                }
            }
        }
    }
}
