namespace AseanJapanNews.Web.Changes;

/// <summary>
/// Something this process keeps in step with the change log (the reader caches, the search index). Each follower
/// keeps its own place in the log and reads on from it; catching up twice at once must be safe.
/// </summary>
public interface IChangeFollower
{
    Task CatchUpAsync(CancellationToken ct);

    /// <summary>
    /// True for caches of finished pages: they catch up after everything pages are built from (the search index,
    /// "Đọc thêm"), or a page rebuilt between the eviction and the index's update would be cached stale.
    /// </summary>
    bool HoldsPages => false;
}
