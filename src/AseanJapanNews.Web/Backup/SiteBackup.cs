using System.Globalization;
using System.Text.Json;
using AseanJapanNews.Web.Data;
using Microsoft.Data.Sqlite;
using AseanJapanNews.Web.Data.Sqlite;

namespace AseanJapanNews.Web.Backup;

/// <summary>What a backup folder holds, as written in its <c>backup.json</c>.</summary>
public sealed record BackupManifest(DateTime TakenAtUtc, string Database, int Articles, int KeyFiles, int ContentFiles, string LastMigration);

/// <summary>A refusal of the backup or restore, in one line for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Online backup and offline restore of a SQLite site: the database, the data-protection key ring (without it every
/// editor is signed out and every form in flight refused) and a copy of the content folder. Copying the database
/// file alone is not a backup: saves still in its write-ahead log are missing from the copy (5,254 of 5,287 rows
/// once). The search index is left out and rebuilt from the articles at the next start.
/// </summary>
public sealed class SiteBackup(NewsPaths paths, TimeProvider clock)
{
    public const string DatabaseName = "news.db", KeysName = "keys", ContentName = "content", ManifestName = "backup.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>
    /// Takes a consistent copy while the site serves and editors save: <c>VACUUM INTO</c> reads one snapshot in one
    /// read transaction (writers go on in the write-ahead log), then the copy is checked before it is kept.
    /// </summary>
    public async Task<BackupManifest> TakeAsync(string folder, CancellationToken ct)
    {
        if (!File.Exists(paths.DatabaseFile))
        {
            throw new BackupException($"không có cơ sở dữ liệu để sao lưu: {paths.DatabaseFile}");
        }
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new BackupException($"thư mục {folder} đã có tệp; mỗi bản sao lưu cần một thư mục mới (một bản cũ không bao giờ bị ghi đè)");
        }
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, DatabaseName);
        var partial = target + ".partial";
        await using (var source = Open(paths.DatabaseFile, SqliteOpenMode.ReadOnly))
        {
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", partial);
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        int articles;
        string lastMigration;
        await using (var copy = Open(partial, SqliteOpenMode.ReadWrite))
        {
            await CheckAsync(copy, partial, ct);
            articles = Convert.ToInt32(await ScalarAsync(copy, "SELECT count(*) FROM Articles", ct), CultureInfo.InvariantCulture);
            lastMigration = (string)(await ScalarAsync(copy, "SELECT max(MigrationId) FROM __EFMigrationsHistory", ct) ?? "");
        }
        File.Move(partial, target);
        var keyFiles = CopyFolder(paths.KeysFolder, Path.Combine(folder, KeysName));
        var contentFiles = CopyFolder(Path.Combine(paths.ContentFolder, "articles"), Path.Combine(folder, ContentName, "articles"))
            + CopyFolder(Path.Combine(paths.ContentFolder, "cleaning"), Path.Combine(folder, ContentName, "cleaning"));
        var manifest = new BackupManifest(clock.GetUtcNow().UtcDateTime, paths.DatabaseFile, articles, keyFiles, contentFiles, lastMigration);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestName), JsonSerializer.Serialize(manifest, Json), ct);
        return manifest;
    }

    /// <summary>
    /// Puts a backup in place of the database and the key ring, for a stopped site: refused while any site holds the
    /// database (<see cref="SiteLock"/>), and before anything moves unless the copy passes its checks. What it replaces
    /// is moved aside with a <c>.before-restore-…</c> suffix, never deleted. With <paramref name="withContent"/> the
    /// content folder's articles/ and cleaning/ come back too (the current ones moved aside the same way).
    /// </summary>
    public async Task<(BackupManifest Manifest, IReadOnlyList<string> MovedAside)> RestoreAsync(string folder, bool withContent, CancellationToken ct)
    {
        var database = Path.Combine(folder, DatabaseName);
        if (!File.Exists(database) || !File.Exists(Path.Combine(folder, ManifestName)))
        {
            throw new BackupException($"{folder} không phải một bản sao lưu (thiếu {DatabaseName} hoặc {ManifestName})");
        }
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(folder, ManifestName), ct))
            ?? throw new BackupException($"{ManifestName} trong {folder} không đọc được");
        await using (var copy = Open(database, SqliteOpenMode.ReadOnly))
        {
            await CheckAsync(copy, database, ct);
        }
        using var alone = SiteLock.TryHoldAlone(paths.DatabaseFile)
            ?? throw new BackupException("trang đang chạy trên cơ sở dữ liệu này; hãy dừng trang (mọi node) rồi khôi phục");
        var suffix = ".before-restore-" + clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var movedAside = new List<string>();
        // The database with its write-ahead log and index: a log left behind would be replayed into the restored file.
        foreach (var file in new[] { paths.DatabaseFile, paths.DatabaseFile + "-wal", paths.DatabaseFile + "-shm" })
        {
            MoveAside(file, suffix, movedAside);
        }
        SqliteConnection.ClearAllPools();
        var partial = paths.DatabaseFile + ".restoring";
        File.Copy(database, partial, overwrite: true);
        File.Move(partial, paths.DatabaseFile);
        MoveAside(paths.KeysFolder, suffix, movedAside);
        CopyFolder(Path.Combine(folder, KeysName), paths.KeysFolder);
        if (withContent)
        {
            foreach (var part in new[] { "articles", "cleaning" })
            {
                MoveAside(Path.Combine(paths.ContentFolder, part), suffix, movedAside);
                CopyFolder(Path.Combine(folder, ContentName, part), Path.Combine(paths.ContentFolder, part));
            }
        }
        return (manifest, movedAside);
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        // Unpooled: a pooled connection would keep the file open after the backup or restore is done with it.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task CheckAsync(SqliteConnection db, string file, CancellationToken ct)
    {
        var result = (string?)await ScalarAsync(db, "PRAGMA integrity_check", ct);
        if (result != "ok")
        {
            throw new BackupException($"bản sao {file} không toàn vẹn (integrity_check: {result})");
        }
        if (await ScalarAsync(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'Articles'", ct) is not 1L)
        {
            throw new BackupException($"{file} không phải cơ sở dữ liệu của trang (không có bảng Articles)");
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection db, string sql, CancellationToken ct)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task ExecuteAsync(SqliteConnection db, string sql, CancellationToken ct)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void MoveAside(string path, string suffix, List<string> moved)
    {
        if (File.Exists(path))
        {
            File.Move(path, path + suffix);
            moved.Add(path + suffix);
        }
        else if (Directory.Exists(path))
        {
            Directory.Move(path, path + suffix);
            moved.Add(path + suffix);
        }
    }

    /// <summary>Copies a folder's files (and subfolders); a folder that is not there copies nothing.</summary>
    private static int CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return 0;
        }
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            count++;
        }
        return count;
    }
}
