using System.CommandLine;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using Microsoft.Extensions.Options;

namespace AseanJapanNews.Web.Cli;

/// <summary>The command-line side of the site: each command uses the site's own configuration and services.</summary>
public static class NewsCli
{
    private static readonly string[] Commands = ["import", "export", "create-editor"];

    public static bool IsCommand(string[] args) => args.Length > 0 && (Commands.Contains(args[0]) || args[0] is "--help" or "-h");

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("AseanJapanNews: tin ASEAN – Nhật Bản. Without a command, runs the web site.");
        root.Subcommands.Add(ImportCommand());
        root.Subcommands.Add(ExportCommand());
        root.Subcommands.Add(CreateEditorCommand());
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

    private static Command ExportCommand()
    {
        var outOption = new Option<string>("--out") { Description = "Folder to write articles/<slug>.md into", DefaultValueFactory = _ => "export" };
        var command = new Command("export", "Write every article (except the trash) back to the content format.") { outOption };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = BuildServices();
            await using var scope = app.Services.CreateAsyncScope();
            await SqliteDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), scope.ServiceProvider.GetRequiredService<NewsPaths>().DatabaseFile, ct);
            var folder = Path.GetFullPath(parse.GetValue(outOption)!);
            var count = await scope.ServiceProvider.GetRequiredService<ArticleExporter>().ExportAsync(folder, ct);
            Console.WriteLine($"{count} articles written to {Path.Combine(folder, "articles")}");
            return 0;
        });
        return command;
    }

    private static Command CreateEditorCommand()
    {
        var emailOption = new Option<string>("--email") { Description = "The account's email (its sign-in name)", Required = true };
        var roleOption = new Option<string>("--role") { Description = "Admin or Editor", DefaultValueFactory = _ => Roles.Editor };
        roleOption.AcceptOnlyFromAmong(Roles.All);
        var nameOption = new Option<string?>("--name") { Description = "Display name" };
        var command = new Command("create-editor", "Create an account; the password is read from standard input.") { emailOption, roleOption, nameOption };
        command.SetAction(async (parse, ct) =>
        {
            // One line from stdin, so it never appears in shell history or the process list.
            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password))
            {
                await Console.Error.WriteLineAsync("lỗi: cần mật khẩu trên đầu vào chuẩn (stdin), ví dụ: echo 'mật-khẩu-dài' | dotnet run … create-editor --email …");
                return 2;
            }
            await using var app = BuildServices();
            await app.PrepareAccountsAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(parse.GetValue(emailOption)!, parse.GetValue(nameOption) ?? "", password, parse.GetValue(roleOption)!);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    await Console.Error.WriteLineAsync($"lỗi: {error.Description}");
                }
                return 1;
            }
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordNowAsync("cli", "editor-create", parse.GetValue(emailOption)!, parse.GetValue(roleOption)!, ct);
            Console.WriteLine($"Created {parse.GetValue(roleOption)} account {parse.GetValue(emailOption)}");
            return 0;
        });
        return command;
    }

    /// <summary>The web app's services without its server: same appsettings, same database.</summary>
    private static WebApplication BuildServices()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddNewsLogging();
        builder.AddNewsData();
        builder.AddNewsEditorial();
        return builder.Build();
    }
}
