using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Tests.Data;

/// <summary>The change log as a table: appended only inside a transaction, read in order, pruned by age, ids never reused.</summary>
public sealed class ChangeLogTests : DatabaseTest
{
    private async Task AppendAsync(params (int Article, DateTime At)[] rows)
    {
        await using var db = Store.Open();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await ChangeLog.AppendAsync(db, [.. rows.Select(r => new ChangeLogEntry { ArticleId = r.Article, Kind = ChangeKind.Content, AtUtc = r.At })], Ct);
        await transaction.CommitAsync(Ct);
    }

    [Fact]
    public async Task Appending_OutsideATransaction_IsRefused_SoNoRowOutlivesItsChange()
    {
        await using var db = Store.Open();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ChangeLog.AppendAsync(db, [new ChangeLogEntry { ArticleId = 1, AtUtc = DateTime.UtcNow }], Ct));
    }

    [Fact]
    public async Task Pruning_DeletesOnlyRowsOlderThanTheKeptWindow_AndIdsAreNeverReused()
    {
        var now = new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc);
        await AppendAsync((1, now - ChangeLog.Kept - TimeSpan.FromMinutes(1)), (2, now - ChangeLog.Kept + TimeSpan.FromMinutes(1)), (3, now));
        var latest = await Store.QueryAsync(db => ChangeLog.LatestIdAsync(db, Ct));

        Assert.Equal(1, await Store.QueryAsync(db => ChangeLog.PruneAsync(db, now, Ct)));
        Assert.Equal([2, 3], await Store.QueryAsync(db => db.ChangeLog.OrderBy(c => c.Id).Select(c => c.ArticleId!.Value).ToListAsync(Ct)));
        Assert.Equal(latest - 1, await Store.QueryAsync(db => ChangeLog.OldestIdAsync(db, Ct)));

        // Every row pruned: the next row still comes after every id handed out before (AUTOINCREMENT), so a follower
        // that stopped at the old end does not take the new row for one it has seen.
        await Store.QueryAsync(db => ChangeLog.PruneAsync(db, now + ChangeLog.Kept + TimeSpan.FromDays(1), Ct));
        await AppendAsync((4, now));
        Assert.True(await Store.QueryAsync(db => ChangeLog.LatestIdAsync(db, Ct)) > latest);
    }

    [Fact]
    public async Task Reading_AfterAPosition_GivesTheRowsInOrder_InBatches()
    {
        var now = new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc);
        await AppendAsync([.. Enumerable.Range(1, 7).Select(i => (i, now))]);
        var first = await Store.QueryAsync(db => ChangeLog.AfterAsync(db, 0, 5, Ct));
        var rest = await Store.QueryAsync(db => ChangeLog.AfterAsync(db, first[^1].Id, 5, Ct));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], first.Concat(rest).Select(c => c.ArticleId!.Value));
    }
}
