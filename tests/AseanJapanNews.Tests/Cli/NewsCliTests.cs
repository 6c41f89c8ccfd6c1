using System.Diagnostics;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Cli;

/// <summary>
/// The program as an operator runs it: a process of its own (the build beside the tests), its exit code and what it
/// prints. A command that went wrong must say so and exit non-zero; it must never start the site instead.
/// </summary>
public sealed class NewsCliTests : IDisposable
{
    private readonly TempFolder temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => temp.Dispose();

    private string DatabaseFile => temp.File("news.db");

    /// <summary>News:ContentPath for the runs; the repository's holds the converter's cleaning rules.</summary>
    private string contentPath = RepoPaths.Content;

    private sealed record Run(int ExitCode, string Out, string Error);

    /// <summary>ASPNETCORE_ENVIRONMENT for the runs; Development is what `dotnet run` gives them through the launch profile.</summary>
    private string? environment;

    private async Task<Run> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AseanJapanNews.Web.dll"), .. args])
        {
            WorkingDirectory = temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PWD"] = temp.Path;
        start.Environment["News__DatabasePath"] = DatabaseFile;
        start.Environment["News__ContentPath"] = contentPath;
        // Should the site start after all, it must not take a port another test needs.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        if (environment is not null)
        {
            start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{string.Join(' ', args)}' was still running after 60 s (did it start the site?)");
        }
        return new Run(process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Import_RunsUnderTheDevelopmentProfile_ThatDotnetRunUses()
    {
        // Development validates every service at start-up: a service of the data part that needed one only the web
        // part registers stopped `dotnet run --project src/AseanJapanNews.Web -- import`, the README's command.
        environment = "Development";

        var run = await RunAsync("import");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains("5 added", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMistypedCommand_IsAnError_NotTheSite()
    {
        var run = await RunAsync("imprt");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'imprt'", run.Error, StringComparison.Ordinal);
        Assert.Contains("import", run.Out, StringComparison.Ordinal); // "did you mean"
        Assert.False(File.Exists(DatabaseFile), "nothing ran: no database was made, no import");
    }

    [Theory]
    [InlineData("help")]
    [InlineData("-?")]
    [InlineData("-h")]
    [InlineData("--help")]
    public async Task Help_ListsTheCommands(string asked)
    {
        var run = await RunAsync(asked);

        Assert.Equal(0, run.ExitCode);
        Assert.All(["import", "export", "convert", "generate", "create-editor"], c => Assert.Contains(c, run.Out, StringComparison.Ordinal));
        Assert.False(File.Exists(DatabaseFile));
    }

    [Fact]
    public async Task HelpForOneCommand_ShowsItsOptions()
    {
        var run = await RunAsync("help", "import");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--content", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        var run = await RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out);
        Assert.False(File.Exists(DatabaseFile));
    }

    [Fact]
    public async Task Convert_WithoutTheCleaningRules_SaysSoForEachFile_NotAStackTrace()
    {
        contentPath = temp.File("content-without-cleaning");
        var raw = Path.Combine(RepoPaths.Root, "tests/AseanJapanNews.Tests/Text/Conversion/Fixtures/chinhphu-segmented.txt");

        var run = await RunAsync("convert", raw, raw);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith($"lỗi: {raw}: ", l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains("cleaning", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("typo")]
    [InlineData("content/articles")] // the articles folder itself instead of the content folder that holds it
    public async Task Import_FromAMissingContentFolder_SaysSo_AndExitsNonZero(string folder)
    {
        Directory.CreateDirectory(temp.File("content/articles"));

        var run = await RunAsync("import", "--content", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(temp.File(folder), run.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> WritesToAFolder => new()
    {
        { ["export", "--out"] },
        { ["generate", "--articles", "3", "--tags", "2", "--out"] },
        { ["convert", Path.Combine(RepoPaths.Root, "tests/AseanJapanNews.Tests/Text/Conversion/Fixtures/chinhphu-segmented.txt"), "--out"] },
    };

    [Theory]
    [MemberData(nameof(WritesToAFolder))]
    public async Task WritingToAFolderThatCannotBeMade_IsOneLineOfError_NotAStackTrace(string[] command)
    {
        // A file where the folder should be: refused even to root, who may write anywhere else.
        File.WriteAllText(temp.File("taken"), "");
        var folder = temp.File("taken/out");

        var run = await RunAsync([.. command, folder]);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("lỗi: ", line, StringComparison.Ordinal);
        Assert.Contains(folder, line, StringComparison.Ordinal);
    }

    private ContentFolder ContentWithOneBrokenFile()
    {
        var content = ContentFolder.CopyOfLaunchContent(temp.File("content"));
        File.WriteAllText(Path.Combine(content.ArticlesDir, "broken.md"), "---\ntitle: [chưa đóng\nsource: \"x\"\n---\nThân bài.\n");
        contentPath = content.Root;
        return content;
    }

    [Fact]
    public async Task Import_WithABrokenFile_ImportsTheRest_NamesTheFile_AndExits1()
    {
        ContentWithOneBrokenFile();

        var run = await RunAsync("import");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("5 added", run.Out, StringComparison.Ordinal);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("lỗi: ", StringComparison.Ordinal));
        Assert.StartsWith("lỗi: articles/broken.md:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_IntoADatabaseThatCannotBeOpened_Exits2_WithOneLine()
    {
        File.WriteAllText(DatabaseFile, "đây không phải một cơ sở dữ liệu SQLite, chỉ là chữ đủ dài để SQLite đọc phần đầu tệp và từ chối nó ngay.");

        var run = await RunAsync("import");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("lỗi: không nhập được: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackupThenRestore_PutsTheSiteBack_AndMovesTheCurrentDatabaseAside()
    {
        Assert.Equal(0, (await RunAsync("import")).ExitCode);
        var backup = await RunAsync("backup", "--out", "sao-luu");
        File.Delete(DatabaseFile);
        File.WriteAllText(DatabaseFile, "hỏng");

        var restore = await RunAsync("restore", "--from", "sao-luu");

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("5 articles, integrity ok", backup.Out, StringComparison.Ordinal);
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Contains("Moved aside: " + DatabaseFile + ".before-restore-", restore.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("import")).ExitCode);
        Assert.Contains("0 added, 0 updated, 5 unchanged", (await RunAsync("import")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_WhileASiteHoldsTheDatabase_IsRefused_Exits2()
    {
        Assert.Equal(0, (await RunAsync("import")).ExitCode);
        Assert.Equal(0, (await RunAsync("backup", "--out", "sao-luu")).ExitCode);
        using var running = AseanJapanNews.Web.Data.Sqlite.SiteLock.HoldShared(DatabaseFile);

        var restore = await RunAsync("restore", "--from", "sao-luu");

        Assert.Equal(2, restore.ExitCode);
        Assert.Contains("đang chạy", restore.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.before-restore-*"));
    }

    [Fact]
    public async Task Backup_IntoAFolderThatHoldsFiles_IsRefused_Exits2()
    {
        Assert.Equal(0, (await RunAsync("import")).ExitCode);
        Directory.CreateDirectory(temp.File("sao-luu"));
        File.WriteAllText(temp.File("sao-luu/cu.txt"), "bản cũ");

        var backup = await RunAsync("backup", "--out", "sao-luu");

        Assert.Equal(2, backup.ExitCode);
        Assert.StartsWith("lỗi: ", backup.Error, StringComparison.Ordinal);
    }
}
