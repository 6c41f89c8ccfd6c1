using System.CommandLine;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using Microsoft.Extensions.Options;

namespace AseanJapanNews.Web.Cli;

/// <summary>The command-line side of the site: each command uses the site's own configuration and services.</summary>
public static class NewsCli
{
    private static readonly string[] Commands = ["import"];

    public static bool IsCommand(string[] args) => args.Length > 0 && (Commands.Contains(args[0]) || args[0] is "--help" or "-h");

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("AseanJapanNews: tin ASEAN – Nhật Bản. Without a command, runs the web site.");
        root.Subcommands.Add(ImportCommand());
        return await root.Parse(args).InvokeAsync();
    }

    private static Command ImportCommand()
    {
        var contentOption = new Option<string?>("--content") { Description = "Content folder (default: News:ContentPath)" };
        var command = new Command("import", "Import content/articles into the database (idempotent).") { contentOption };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = BuildServices();
            await using var scope = app.Services.CreateAsyncScope();
            var paths = scope.ServiceProvider.GetRequiredService<NewsPaths>();
            await SqliteDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), paths.DatabaseFile, ct);
            var folder = parse.GetValue(contentOption) is { } dir ? Path.GetFullPath(dir) : paths.ContentFolder;
            var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder, ct);
            foreach (var problem in report.Problems)
            {
                await Console.Error.WriteLineAsync($"lỗi: {problem}");
            }
            Console.WriteLine($"{report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {report.Conflicts} kept as edited, {report.Failed} failed");
            return report.Failed == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>The web app's services without its server: same appsettings, same database.</summary>
    private static WebApplication BuildServices()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddNewsLogging();
        builder.AddNewsData();
        return builder.Build();
    }
}
