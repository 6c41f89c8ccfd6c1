using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
        options.UseSqlite(ConnectionString(databaseFile));

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
}
