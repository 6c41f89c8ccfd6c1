using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Data.Sqlite;

/// <summary>
/// The SQLite settings of the data layer: the provider and its connection string, the file's folder, WAL, the
/// bulk-write PRAGMAs and the planner's statistics.
/// </summary>
/// <remarks>
/// Not all that is SQLite's. The migrations are (the search table is FTS5, and triggers copy each article's status
/// and date into its tag rows); the search index is, in <c>Search/Sqlite/</c>; and HostingExtensions, the importer
/// and the command line call this class by name. Another database needs its own class here, its own migrations and
/// an <c>ISearchIndex</c>, and those callers switched. The queries are LINQ and carry over, though their shapes
/// (compiled queries, covering indexes, the tag rows' copies) were chosen by watching SQLite's planner, and
/// <c>ArticleBulkInsert</c>'s hand-written SQL keeps to what SQLite and PostgreSQL both run.
/// </remarks>
public static class SqliteDatabase
{
    public static string ConnectionString(string databaseFile) => new SqliteConnectionStringBuilder
    {
        DataSource = databaseFile,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <remarks>
    /// Includes run as split queries: as one query, an article with its tags is the article LEFT JOIN (article–tag
    /// rows JOIN tags), and SQLite cannot flatten a join on the right of a LEFT JOIN, so it materialized every tag
    /// link of every article to load one (docs/performance-history.md). Split, the links are a search on the article id.
    /// </remarks>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string databaseFile) =>
        options.UseSqlite(ConnectionString(databaseFile), sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));

    /// <summary>Creates the folder, applies migrations and switches the file to WAL (a persistent setting).</summary>
    public static async Task MigrateAsync(NewsDbContext db, string databaseFile, CancellationToken ct = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databaseFile));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        // Pooled connections keep the statistics they read when they opened; a migration may have changed them.
        SqliteConnection.ClearPool((SqliteConnection)db.Database.GetDbConnection());
    }

    /// <summary>
    /// Holds one connection open for a bulk write (the importer) with settings for it: under WAL,
    /// synchronous=NORMAL keeps the database consistent and skips an fsync per commit (a power cut may lose
    /// the last batches, which the next import redoes); a larger page cache keeps the indexes in memory.
    /// Disposing restores the defaults, since the pooled connection outlives the import.
    /// </summary>
    public static async Task<BulkWrite> BeginBulkWriteAsync(NewsDbContext db, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;", ct);
        return new BulkWrite(db);
    }

    /// <summary>
    /// Removes the statistics of virtual tables' shadow tables (the search index's FTS5 tables) and makes the
    /// connection reload the rest. FTS5 deletes merged segments by a rowid range; with its segment table recorded as
    /// two rows, as in a new database, SQLite plans that delete as a scan of the whole table, which grows to hundreds
    /// of MB during an import (docs/performance-history.md). Without statistics it uses the rowid.
    /// A connection keeps the table sizes it read when it opened, so callers clear the connection pool afterwards.
    /// </summary>
    public const string ForgetShadowTableStatistics = """
        DELETE FROM sqlite_stat1 WHERE EXISTS (
            SELECT 1 FROM sqlite_schema AS v
            WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND sqlite_stat1.tbl LIKE v.name || '\_%' ESCAPE '\');
        """;

    public sealed class BulkWrite(NewsDbContext db) : IAsyncDisposable
    {
        /// <summary>Set when rows were written: the statistics are then gathered again, in full.</summary>
        public bool Changed { get; set; }

        public async ValueTask DisposeAsync()
        {
            try
            {
                // Statistics let the planner choose between the date index and a tag's index entries. Whole, not
                // sampled: PRAGMA optimize samples (analysis_limit), and a sample recorded the status column as nearly
                // unique, so a tag page walked the whole date index for a tag on five articles (docs/performance-history.md).
                await db.Database.ExecuteSqlRawAsync(Changed ? "ANALYZE;" : "PRAGMA optimize;");
                var statistics = await db.Database
                    .SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_schema WHERE name = 'sqlite_stat1'")
                    .SingleAsync();
                if (statistics > 0)
                {
                    await db.Database.ExecuteSqlRawAsync(ForgetShadowTableStatistics);
                }
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL; PRAGMA cache_size=-2000; PRAGMA temp_store=DEFAULT;");
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
                // So that the next connections read the new statistics (see ForgetShadowTableStatistics).
                SqliteConnection.ClearPool((SqliteConnection)db.Database.GetDbConnection());
            }
        }
    }
}
