using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AseanJapanNews.Web.Data;

/// <summary>
/// Everything that knows the database is SQLite lives here (provider, file location, WAL), so a
/// PostgreSQL deployment replaces this class and nothing else in the data layer.
/// </summary>
public static class SqliteDatabase
{
    public static string ConnectionString(string databaseFile) => new SqliteConnectionStringBuilder
    {
        DataSource = databaseFile,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string databaseFile) =>
        options.UseSqlite(ConnectionString(databaseFile)).AddInterceptors(MemoryMappedReads.Instance);

    /// <summary>
    /// Reads go through a memory map of the file, shared by every connection with the operating system's file
    /// cache, instead of each connection copying pages into its own 2 MB page cache with one system call per page:
    /// a common search word touches several MB of index (doclists, the row sizes bm25 needs), so every search
    /// re-read them (a tenth of a search's CPU time in a profile at 100,000 articles). The bundled SQLite maps at most
    /// 2 GB (MAX_MMAP_SIZE) and reads the rest as before. The price: an I/O error on a mapped page is a signal, not
    /// an error code: acceptable for a database on a local disk. A per-connection setting, hence on every open.
    /// </summary>
    private sealed class MemoryMappedReads : DbConnectionInterceptor
    {
        public static readonly MemoryMappedReads Instance = new();

        // 0x7fff0000, the bundled build's MAX_MMAP_SIZE: a larger value is silently cut to it.
        private const string Pragma = "PRAGMA mmap_size=2147418112;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

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
    }

    /// <summary>
    /// Holds one connection open for a bulk write (the importer) with settings for it: under WAL,
    /// synchronous=NORMAL keeps the database consistent and skips an fsync per commit (a power cut may lose
    /// the last batches, which the next import redoes); a larger page cache keeps the indexes in memory.
    /// Disposing restores the defaults, since the pooled connection outlives the import.
    /// </summary>
    public static async Task<IAsyncDisposable> BeginBulkWriteAsync(NewsDbContext db, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;", ct);
        return new BulkWrite(db);
    }

    private sealed class BulkWrite(NewsDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Fresh statistics let the planner choose between the date index and a tag's index entries.
                await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize;");
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL; PRAGMA cache_size=-2000; PRAGMA temp_store=DEFAULT;");
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
