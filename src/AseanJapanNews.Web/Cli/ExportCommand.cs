using System.CommandLine;
using AseanJapanNews.Web.Content;

namespace AseanJapanNews.Web.Cli;

/// <summary><c>export</c>: every article but the trash, back to the content format.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var outOption = new Option<string>("--out") { Description = "Folder to write articles/<slug>.md into", DefaultValueFactory = _ => "export" };
        var command = new Command("export", "Write every article (except the trash) back to the content format.") { outOption };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = NewsCli.BuildServices();
            await using var scope = app.Services.CreateAsyncScope();
            await NewsStartup.MigrateAsync(scope.ServiceProvider, ct);
            var folder = NewsCli.UserPath(parse.GetValue(outOption)!);
            var count = 0;
            if (await NewsCli.CannotWriteAsync(folder, async () => count = await scope.ServiceProvider.GetRequiredService<ArticleExporter>().ExportAsync(folder, ct)))
            {
                return 1;
            }
            Console.WriteLine($"{count} articles written to {Path.Combine(folder, "articles")}");
            return 0;
        });
        return command;
    }
}
