using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Web.Changes;

/// <summary>
/// This process's followers of the change log. A save nudges them as soon as it commits (so the editor's next page
/// shows the change); <see cref="ChangeLogPolling"/> wakes them for changes made by other processes.
/// </summary>
public sealed class ChangeFollowers(IServiceProvider services, ILogger<ChangeFollowers> logger)
{
    // Resolved late: followers use the database, whose contexts are built with the interceptor that holds this.
    private IChangeFollower[]? all;

    private IChangeFollower[] All => all ??= [.. services.GetServices<IChangeFollower>().OrderBy(f => f.HoldsPages)];

    /// <summary>Catches every follower up. Never throws for a follower's failure: the change is committed, and the next poll retries.</summary>
    public async Task NudgeAsync(CancellationToken ct)
    {
        foreach (var follower in All)
        {
            try
            {
                await follower.CatchUpAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                logger.LogError(e, "{Follower} could not follow the change log; it will try again", follower.GetType().Name);
            }
        }
    }
}

/// <summary>
/// Wakes this process's followers a few times a second, for changes other processes made; and once an hour deletes
/// log rows older than <see cref="ChangeLog.Kept"/> (a node away longer rebuilds what follows the log).
/// </summary>
public sealed class ChangeLogPolling(ChangeFollowers followers, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ChangeLogPolling> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var nextPrune = DateTime.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await followers.NudgeAsync(stoppingToken);
            var now = clock.GetUtcNow().UtcDateTime;
            if (now >= nextPrune)
            {
                nextPrune = now + PruneEvery;
                await PruneAsync(now, stoppingToken);
            }
        }
    }

    private async Task PruneAsync(DateTime now, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var pruned = await ChangeLog.PruneAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), now, ct);
            if (pruned > 0)
            {
                logger.LogInformation("Change log: {Count} rows older than {Days} days deleted", pruned, ChangeLog.Kept.TotalDays);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            logger.LogWarning(e, "Change log could not be pruned; trying again in an hour");
        }
    }
}
