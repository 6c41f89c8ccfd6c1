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
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(CreateEditorCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(BackupCommands.Backup());
        root.Subcommands.Add(BackupCommands.Restore());
        root.Subcommands.Add(SearchIndexCommand.Create());
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







    /// <summary>Why <paramref name="folder"/> is not a content folder (it has no articles/), or null.</summary>
    internal static string? MissingArticles(string folder) =>
        Directory.Exists(Path.Combine(folder, "articles"))
            ? null
            : Directory.Exists(folder)
                ? $"thư mục nội dung {folder} không có thư mục articles/"
                : $"không có thư mục nội dung {folder}";

    /// <summary>
    /// Runs <paramref name="write"/>; a folder that cannot be written (no permission, a file in the way, a read-only
    /// disk) is one line on stderr, not a stack trace. Returns true when it failed.
    /// </summary>
    internal static async Task<bool> CannotWriteAsync(string folder, Func<Task> write)
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
        builder.AddNewsServices();
        return builder.Build();
    }
}
