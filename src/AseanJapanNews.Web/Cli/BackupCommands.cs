using System.CommandLine;
using System.Globalization;
using AseanJapanNews.Web.Backup;

namespace AseanJapanNews.Web.Cli;

/// <summary><c>backup</c> and <c>restore</c>: the site's data, as the README's "Backup and restore" explains.</summary>
internal static class BackupCommands
{
    /// <summary>Exit codes: 0 done, 2 refused or failed (the message says which and why).</summary>
    public const int Refused = 2;

    public static Command Backup()
    {
        var outOption = new Option<string>("--out") { Description = "A new (or empty) folder for this backup", Required = true };
        var command = new Command("backup",
            "Copy the database (consistent, while the site runs), the key ring and the content folder into a new folder, and check the copy. Exit code 0: done; 2: refused or failed.")
            { outOption };
        command.SetAction(async (parse, ct) =>
        {
            var folder = NewsCli.UserPath(parse.GetValue(outOption)!);
            return await RunAsync(async backup =>
            {
                var manifest = await backup.TakeAsync(folder, ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Backup in {folder}: {SiteBackup.DatabaseName} ({manifest.Articles} articles, integrity ok, schema {manifest.LastMigration}), {SiteBackup.KeysName}/ ({manifest.KeyFiles} keys), {SiteBackup.ContentName}/ ({manifest.ContentFiles} files). The search index is rebuilt at the next start."));
            });
        });
        return command;
    }

    public static Command Restore()
    {
        var fromOption = new Option<string>("--from") { Description = "A folder written by backup", Required = true };
        var contentOption = new Option<bool>("--with-content") { Description = "Also put back content/articles and content/cleaning" };
        var command = new Command("restore",
            "Put a backup in place, for a stopped site: checks the copy first, moves what it replaces aside (.before-restore-…), never deletes. Exit code 0: done; 2: refused or failed.")
            { fromOption, contentOption };
        command.SetAction(async (parse, ct) =>
        {
            var folder = NewsCli.UserPath(parse.GetValue(fromOption)!);
            return await RunAsync(async backup =>
            {
                var (manifest, movedAside) = await backup.RestoreAsync(folder, parse.GetValue(contentOption), ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Restored the backup of {manifest.TakenAtUtc:yyyy-MM-dd HH:mm} UTC ({manifest.Articles} articles, {manifest.KeyFiles} keys). The search index is rebuilt when the site starts."));
                foreach (var path in movedAside)
                {
                    Console.WriteLine($"Moved aside: {path}");
                }
            });
        });
        return command;
    }

    private static async Task<int> RunAsync(Func<SiteBackup, Task> action)
    {
        try
        {
            await using var app = NewsCli.BuildServices();
            await action(app.Services.GetRequiredService<SiteBackup>());
            return 0;
        }
        catch (Exception e) when (e is BackupException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync($"lỗi: {e.Message}");
            return Refused;
        }
    }
}
