using System.Diagnostics;
using AseanJapanNews.Tests.TestSupport;
using static AseanJapanNews.Tests.Caching.CacheTestSupport;

namespace AseanJapanNews.Tests.Caching;

/// <summary>
/// The `import` command run as its own process beside the running site, on the same database: the site learns of
/// the new article only from the change log, and shows it on its cached pages and in search.
/// </summary>
public sealed class OutsideImportTests(NewsAppFactory app) : IClassFixture<NewsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ImportInAnotherProcess_ReachesTheSitesCachedPages_AndSearch()
    {
        using var reader = app.Client();
        string[] urls = ["/", "/tags/nhat-ban", "/search?q=tau+ngam"];
        foreach (var url in urls)
        {
            await WarmAsync(reader, url);
        }
        app.Content.WriteArticle("tau-ngam.md", "Tàu ngầm Nhật Bản thăm Cam Ranh", "2024-05-30T08:00:00+07:00", "[Nhật Bản]");

        var import = await RunImportAsync();
        Assert.True(import.ExitCode == 0, $"import exited with {import.ExitCode}: {import.Output}");

        var waited = Stopwatch.StartNew();
        foreach (var url in urls)
        {
            // Not the whole title: search marks the words it matched.
            while (!(await FetchAsync(reader, url)).Body.Contains("Nhật Bản thăm Cam Ranh", StringComparison.Ordinal))
            {
                Assert.True(waited.Elapsed < Patience, $"{url} did not show the imported article within {Patience.TotalSeconds} s");
                await Task.Delay(100, Ct);
            }
        }
    }

    private async Task<(int ExitCode, string Output)> RunImportAsync()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AseanJapanNews.Web.dll"), "import"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["News__DatabasePath"] = app.DatabaseFile;
        start.Environment["News__ContentPath"] = app.Content.Root;
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output + await error);
    }
}
