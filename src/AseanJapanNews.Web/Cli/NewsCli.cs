using System.CommandLine;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Search;
using AseanJapanNews.Web.Editorial;
using Microsoft.Extensions.Options;

namespace AseanJapanNews.Web.Cli;

/// <summary>The command-line side of the site: each command uses the site's own configuration and services.</summary>
public static class NewsCli
{
    /// <summary>
    /// True unless the arguments are settings for the web site (<c>--urls …</c>, <c>--News:PageSize=30</c>,
    /// <c>News:PageSize=30</c>): any other first word is a command, so a typo or <c>help</c> reaches the parser,
    /// which says what is wrong, instead of starting the site and an import. Help and version are commands too.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "-h" or "-?" or "/h" or "/?" or "--help" or "--version" || !IsSetting(args[0]));

    private static bool IsSetting(string arg) => arg.StartsWith('-') || arg.StartsWith('/') || arg.Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("AseanJapanNews: tin ASEAN – Nhật Bản. Without a command, runs the web site.");
        root.Subcommands.Add(ImportCommand());
        root.Subcommands.Add(ExportCommand());
        root.Subcommands.Add(ConvertCommand());
        root.Subcommands.Add(CreateEditorCommand());
        root.Subcommands.Add(GenerateCommand());
        root.Subcommands.Add(BackupCommands.Backup());
        root.Subcommands.Add(BackupCommands.Restore());
        root.Subcommands.Add(HelpCommand(root));
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>`help` and `help COMMAND`, as people type them: the parser's own help, as `--help` shows it.</summary>
    private static Command HelpCommand(RootCommand root)
    {
        var names = root.Subcommands.Select(c => c.Name).ToArray();
        var commandArgument = new Argument<string?>("COMMAND") { Description = "The command to explain", Arity = ArgumentArity.ZeroOrOne };
        commandArgument.AcceptOnlyFromAmong(names);
        var command = new Command("help", "Show help for the commands, or for one of them.") { commandArgument };
        command.SetAction(parse => root.Parse(parse.GetValue(commandArgument) is { } name ? [name, "--help"] : ["--help"]).Invoke());
        return command;
    }

    private static Command ImportCommand()
    {
        var contentOption = new Option<string?>("--content") { Description = "Content folder, the one holding articles/ (default: News:ContentPath)" };
        var command = new Command("import",
            "Import content/articles into the database (idempotent). Exit code 0: every file imported; 1: some files refused (listed on stderr); 2: the import itself failed (no content folder, a database that cannot be opened or written).")
            { contentOption };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var app = BuildServices();
                await using var scope = app.Services.CreateAsyncScope();
                var paths = scope.ServiceProvider.GetRequiredService<NewsPaths>();
                var typed = parse.GetValue(contentOption);
                var folder = typed is { } dir ? UserPath(dir) : paths.ContentFolder;
                if (MissingArticles(folder) is { } missing)
                {
                    await Console.Error.WriteLineAsync(typed is null ? $"lỗi: {missing} (News:ContentPath)" : $"lỗi: {missing}");
                    return ImportFailed;
                }
                await SqliteDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), paths.DatabaseFile, ct);
                // As at start-up: a migration that rebuilt the search index leaves it to be refilled before importing.
                await scope.ServiceProvider.GetRequiredService<ISearchIndex>().IndexMissingAsync(ct);
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

    /// <summary>The import command's exit codes besides 0 (every file imported).</summary>
    public const int SomeFilesRefused = 1, ImportFailed = 2;

    private static Command ConvertCommand()
    {
        var filesArgument = new Argument<string[]>("FILE") { Description = "Raw texts copied from news sites", Arity = ArgumentArity.OneOrMore };
        var outOption = new Option<string?>("--out") { Description = "Write one .md per input into this folder instead of printing" };
        var command = new Command("convert", "Turn raw pasted news texts into clean article drafts (Markdown + front matter).") { filesArgument, outOption };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = BuildServices();
            var drafts = app.Services.GetRequiredService<RawTextDrafts>();
            var outDir = parse.GetValue(outOption) is { } o ? UserPath(o) : null;
            var failures = 0;
            foreach (var path in parse.GetValue(filesArgument)!)
            {
                var result = await RawTextFile.ConvertAsync(drafts, UserPath(path), ct);
                if (result.Error is { } error)
                {
                    failures++;
                    await Console.Error.WriteLineAsync($"lỗi: {path}: {error}");
                    continue;
                }
                if (outDir is null)
                {
                    Console.Write(result.Markdown);
                    continue;
                }
                var target = Path.Combine(outDir, Path.GetFileNameWithoutExtension(path) + ".md");
                if (await CannotWriteAsync(outDir, async () =>
                {
                    Directory.CreateDirectory(outDir);
                    await File.WriteAllTextAsync(target, result.Markdown, new System.Text.UTF8Encoding(false), ct);
                }))
                {
                    return 1;
                }
                await Console.Error.WriteLineAsync($"{path} → {target} ({result.Removed} đoạn bị loại bỏ)");
            }
            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command GenerateCommand()
    {
        var articlesOption = new Option<int>("--articles") { Description = "How many articles", DefaultValueFactory = _ => 100_000 };
        var tagsOption = new Option<int>("--tags") { Description = "How many distinct tags", DefaultValueFactory = _ => 5_000 };
        var seedOption = new Option<int>("--seed") { Description = "Same seed, same files", DefaultValueFactory = _ => 42 };
        var outOption = new Option<string>("--out") { Description = "Folder to write articles/*.md into", Required = true };
        var command = new Command("generate", "Write a synthetic corpus of Vietnamese-like articles (for load tests and benchmarks).")
            { articlesOption, tagsOption, seedOption, outOption };
        command.SetAction(async (parse, ct) =>
        {
            var spec = new CorpusSpec(parse.GetValue(articlesOption), parse.GetValue(tagsOption), parse.GetValue(seedOption));
            if (spec.Articles < 1 || spec.Tags < 1)
            {
                await Console.Error.WriteLineAsync("lỗi: --articles và --tags phải lớn hơn 0");
                return 2;
            }
            var folder = UserPath(parse.GetValue(outOption)!);
            var count = 0;
            if (await CannotWriteAsync(folder, () =>
            {
                count = new SyntheticCorpus(spec).WriteTo(folder);
                return Task.CompletedTask;
            }))
            {
                return 1;
            }
            Console.WriteLine($"{count} articles written to {Path.Combine(folder, "articles")}");
            return 0;
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
            var folder = UserPath(parse.GetValue(outOption)!);
            var count = 0;
            if (await CannotWriteAsync(folder, async () => count = await scope.ServiceProvider.GetRequiredService<ArticleExporter>().ExportAsync(folder, ct)))
            {
                return 1;
            }
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

    /// <summary>Why <paramref name="folder"/> is not a content folder (it has no articles/), or null.</summary>
    private static string? MissingArticles(string folder) =>
        Directory.Exists(Path.Combine(folder, "articles"))
            ? null
            : Directory.Exists(folder)
                ? $"thư mục nội dung {folder} không có thư mục articles/"
                : $"không có thư mục nội dung {folder}";

    /// <summary>
    /// Runs <paramref name="write"/>; a folder that cannot be written (no permission, a file in the way, a read-only
    /// disk) is one line on stderr, not a stack trace. Returns true when it failed.
    /// </summary>
    private static async Task<bool> CannotWriteAsync(string folder, Func<Task> write)
    {
        try
        {
            await write();
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is UnauthorizedAccessException ? "không có quyền ghi" : e.Message;
            await Console.Error.WriteLineAsync($"lỗi: không ghi được vào {folder}: {reason}");
            return true;
        }
    }

    /// <summary>
    /// `dotnet run --project …` starts the app in the project folder, so relative paths typed by the user are
    /// resolved against the shell's folder ($PWD), which is where the user typed them.
    /// </summary>
    internal static string UserPath(string path) =>
        Path.GetFullPath(path, Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Directory.Exists(pwd)
            ? pwd
            : Directory.GetCurrentDirectory());

    /// <summary>The web app's services without its server: same appsettings, same database.</summary>
    internal static WebApplication BuildServices()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddNewsLogging();
        builder.AddNewsData();
        builder.AddNewsCaching();
        builder.AddNewsEditorial();
        return builder.Build();
    }
}
