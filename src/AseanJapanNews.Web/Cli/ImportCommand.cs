using System.CommandLine;
using AseanJapanNews.Web.Content;

namespace AseanJapanNews.Web.Cli;

/// <summary><c>import</c>: the content folder into the database, now, by the rules of the start-up import.</summary>
internal static class ImportCommand
{
    /// <summary>The import command's exit codes besides 0 (every file imported).</summary>
    public const int SomeFilesRefused = 1, ImportFailed = 2;

    public static Command Create()
    {
        var contentOption = new Option<string?>("--content") { Description = "Content folder, the one holding articles/ (default: News:ContentPath)" };
        var command = new Command("import",
            "Import content/articles into the database (idempotent). Exit code 0: every file imported; 1: some files refused (listed on stderr); 2: the import itself failed (no content folder, a database that cannot be opened or written).")
            { contentOption };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var app = NewsCli.BuildServices();
                await using var scope = app.Services.CreateAsyncScope();
                var paths = scope.ServiceProvider.GetRequiredService<NewsPaths>();
                var typed = parse.GetValue(contentOption);
                var folder = typed is { } dir ? NewsCli.UserPath(dir) : paths.ContentFolder;
                if (NewsCli.MissingArticles(folder) is { } missing)
                {
                    await Console.Error.WriteLineAsync(typed is null ? $"lỗi: {missing} (News:ContentPath)" : $"lỗi: {missing}");
                    return ImportFailed;
                }
                await NewsStartup.MigrateAsync(scope.ServiceProvider, ct);
                var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder, ct);
                foreach (var problem in report.Problems)
                {
                    await Console.Error.WriteLineAsync($"lỗi: {problem}");
                }
                Console.WriteLine($"{report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {report.Conflicts} kept as edited, {report.SkippedAsPurged.Count} skipped as purged by an editor, {report.Failed} failed");
                return report.Failed == 0 ? 0 : SomeFilesRefused;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not a bad file (those are refused one by one, above): the import could not run. Nothing half-written
                // stays, since each batch is one transaction.
                await Console.Error.WriteLineAsync($"lỗi: không nhập được: {e.GetType().Name}: {e.Message}");
                return ImportFailed;
            }
        });
        return command;
    }
}
