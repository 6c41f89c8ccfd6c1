namespace AseanJapanNews.Web.Changes;

/// <summary>
/// This process's followers of the change log. A save nudges them as soon as it commits (so the editor's next page
/// shows the change); <see cref="ChangeLogPolling"/> wakes them for changes made by other processes.
/// </summary>
public sealed class ChangeFollowers(IServiceProvider services, ILogger<ChangeFollowers> logger)
{
    // Resolved late: followers use the database, whose contexts are built with the interceptor that holds this.
    private IChangeFollower[]? all;

    private IChangeFollower[] All => all ??= [.. services.GetServices<IChangeFollower>()];

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

/// <summary>Wakes this process's followers a few times a second, for changes other processes made.</summary>
public sealed class ChangeLogPolling(ChangeFollowers followers) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await followers.NudgeAsync(stoppingToken);
        }
    }
}
