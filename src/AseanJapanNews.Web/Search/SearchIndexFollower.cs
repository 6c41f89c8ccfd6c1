using AseanJapanNews.Web.Changes;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Search;

/// <summary>
/// Keeps this node's search index in step with the change log. Its place is the index's own (the change id of its
/// last commit), so a restart, an import run while the site was down, or a second node all catch up from where the
/// index is. An index that is empty, ahead of the log (a restored backup) or behind what the log still keeps is
/// rebuilt from the database, in the background when the database is large.
/// </summary>
public sealed class SearchIndexFollower(ISearchIndex index, IServiceScopeFactory scopes, ILogger<SearchIndexFollower> logger)
    : IChangeFollower, IDisposable
{
    private const int Batch = 1_000;

    /// <summary>Up to this many articles are indexed before the site starts serving; beyond it, in the background.</summary>
    public const int RebuildInForegroundUpTo = 20_000;

    private readonly SemaphoreSlim following = new(1, 1);
    private Task? rebuilding;

    public void Dispose() => following.Dispose();

    /// <summary>Done when a background rebuild has finished (tests, the rebuild command).</summary>
    public Task Rebuilt => rebuilding ?? Task.CompletedTask;

    public async Task CatchUpAsync(CancellationToken ct)
    {
        if (rebuilding is { IsCompleted: false })
        {
            return;
        }
        await following.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var latest = await ChangeLog.LatestIdAsync(db, ct);
            var oldest = await ChangeLog.OldestIdAsync(db, ct) ?? latest + 1;
            if (index.CommittedChangeId is not { } position || position > latest || position < oldest - 1)
            {
                await StartRebuildAsync(db, latest, ct);
                return;
            }
            while (position < latest)
            {
                var changes = await ChangeLog.AfterAsync(db, position, Batch, ct);
                if (changes.Count == 0)
                {
                    break;
                }
                var ids = changes.Where(c => c.ArticleId is not null).Select(c => c.ArticleId!.Value).Distinct().ToList();
                if (changes.Any(c => c.Kind == ChangeKind.Everything))
                {
                    await StartRebuildAsync(db, latest, ct);
                    return;
                }
                position = changes[^1].Id;
                await index.ApplyAsync(ids, position, ct);
            }
        }
        finally
        {
            following.Release();
        }
    }

    private async Task StartRebuildAsync(NewsDbContext db, long upTo, CancellationToken ct)
    {
        var articles = await db.Articles.CountAsync(ct);
        logger.LogInformation("Search index at change {Position}, log at {Latest}: rebuilding it from {Count} articles",
            index.CommittedChangeId, upTo, articles);
        if (articles <= RebuildInForegroundUpTo)
        {
            await index.RebuildAsync(upTo, ct);
            return;
        }
        rebuilding = Task.Run(async () =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await index.RebuildAsync(upTo, CancellationToken.None);
                logger.LogInformation("Search index rebuilt in {Elapsed}", System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogError(e, "Search index rebuild failed; the next poll tries again");
            }
        }, CancellationToken.None);
    }
}
