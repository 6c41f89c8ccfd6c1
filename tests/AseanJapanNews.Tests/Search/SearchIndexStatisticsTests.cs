using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using AseanJapanNews.Web.Data.Sqlite;

namespace AseanJapanNews.Tests.Search;

/// <summary>
/// The planner's statistics cover our tables but never the search index's FTS5 shadow tables: recorded as small
/// (a new database), they made SQLite scan the whole segment table on each of FTS5's segment deletes, and a
/// 100,000-article import took 327 s instead of 48 s (BENCHMARKS.md). Checked through the plan, not the clock.
/// </summary>
public sealed class SearchIndexStatisticsTests : DatabaseTest
{
    private Task<List<string>> StatisticsOfAsync(string tablePrefix) => Store.QueryAsync(db => db.Database
        .SqlQueryRaw<string>("SELECT tbl AS \"Value\" FROM sqlite_stat1 WHERE tbl LIKE {0}", tablePrefix + "%")
        .ToListAsync(Ct));

    /// <summary>How SQLite runs FTS5's delete of merged segments (a rowid range of the segment table).</summary>
    private Task<string> SegmentDeletePlanAsync() => Store.QueryAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN DELETE FROM ArticleSearch_data WHERE id >= 10 AND id <= 20";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var steps = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            steps.Add(reader.GetString(reader.GetOrdinal("detail")));
        }
        return string.Join(" | ", steps);
    });

    [Fact]
    public async Task NewDatabase_DeletesSegmentsByRowid()
    {
        Assert.Empty(await StatisticsOfAsync("ArticleSearch"));
        Assert.Contains("USING INTEGER PRIMARY KEY", await SegmentDeletePlanAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterAnImport_OurTablesHaveStatistics_TheSearchIndexNone()
    {
        Store.Content.WriteArticle("a.md", "Hội nghị cấp cao ASEAN - Nhật Bản", "2023-12-17", "[ASEAN, Nhật Bản]");
        Store.Content.WriteArticle("b.md", "Việt Nam – Nhật Bản nâng cấp quan hệ", "2023-11-27", "[Việt Nam]");

        var report = await Store.ImportAsync();

        Assert.Equal(2, report.Added);
        Assert.Contains("Articles", await StatisticsOfAsync("Articles"));
        Assert.Empty(await StatisticsOfAsync("ArticleSearch"));
        Assert.Contains("USING INTEGER PRIMARY KEY", await SegmentDeletePlanAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migration_RemovesTheSearchIndexStatisticsAnOlderDatabaseHas()
    {
        var olderFile = Path.Combine(Path.GetDirectoryName(Store.DatabaseFile)!, "older.db");
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        SqliteDatabase.Configure(options, olderFile);
        await using var db = new NewsDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261125090000_WholeStatistics", Ct);
        var before = await db.Database
            .SqlQueryRaw<string>("SELECT tbl AS \"Value\" FROM sqlite_stat1 WHERE tbl LIKE 'ArticleSearch%'").ToListAsync(Ct);

        await migrator.MigrateAsync(cancellationToken: Ct);

        Assert.Contains("ArticleSearch_data", before);
        Assert.Empty(await db.Database
            .SqlQueryRaw<string>("SELECT tbl AS \"Value\" FROM sqlite_stat1 WHERE tbl LIKE 'ArticleSearch%'").ToListAsync(Ct));
    }
}
