using System.Diagnostics;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Search;
using Microsoft.Extensions.DependencyInjection;

namespace AseanJapanNews.Tests.Search;

/// <summary>
/// The search index is a folder on the node's disk that follows the change log: it survives restarts, catches up
/// with what changed while the site was stopped, and is rebuilt from the database when it is lost.
/// </summary>
public sealed class SearchIndexLifecycleTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TempFolder temp = new();
    private readonly ContentFolder content;

    public SearchIndexLifecycleTests() => content = ContentFolder.CopyOfLaunchContent(temp.File("content"));

    public void Dispose() => temp.Dispose();

    private string IndexFolder => temp.File("search-index");

    /// <summary>The site on this test's database, content and index folder, as a restart would find them.</summary>
    private NewsAppFactory Site()
    {
        var site = new NewsAppFactory();
        site.Settings["News:DatabasePath"] = temp.File("news.db");
        site.Settings["News:ContentPath"] = content.Root;
        site.Settings["News:SearchIndexPath"] = IndexFolder;
        return site;
    }

    private static async Task<int> FoundAsync(NewsAppFactory site, string query)
    {
        var page = await HtmlPage.GetAsync(site.Client(), "/search?q=" + Uri.EscapeDataString(query));
        return page.Texts(".search-results .card-title").Count;
    }

    [Fact]
    public async Task LostIndex_IsRebuiltFromTheDatabase_AtTheNextStart()
    {
        await using (var first = Site())
        {
            Assert.True(await FoundAsync(first, "nhật bản") > 0);
        }
        Directory.Delete(IndexFolder, recursive: true);

        await using var second = Site();
        Assert.True(await FoundAsync(second, "nhật bản") > 0);
        Assert.NotNull(second.Services.GetRequiredService<ISearchIndex>().CommittedChangeId);
    }

    [Fact]
    public async Task ImportWhileTheSiteWasStopped_IsCaughtUpAtTheNextStart_WithoutARebuild()
    {
        long? before;
        await using (var first = Site())
        {
            Assert.Equal(0, await FoundAsync(first, "tàu ngầm"));
            before = first.Services.GetRequiredService<ISearchIndex>().CommittedChangeId;
        }
        content.WriteArticle("tau-ngam.md", "Tàu ngầm Nhật Bản thăm Cam Ranh", "2024-05-30T08:00:00+07:00", "[Nhật Bản]");
        var import = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AseanJapanNews.Web.dll"), "import"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            Environment = { ["News__DatabasePath"] = temp.File("news.db"), ["News__ContentPath"] = content.Root, ["DOTNET_ENVIRONMENT"] = "Testing" },
            RedirectStandardOutput = true,
        })!;
        await import.WaitForExitAsync(Ct);
        Assert.Equal(0, import.ExitCode);

        await using var second = Site();
        second.Settings["News:ImportOnStartup"] = "false";
        Assert.Equal(1, await FoundAsync(second, "tàu ngầm"));
        // Caught up from where it was, to the import's change.
        Assert.True(second.Services.GetRequiredService<ISearchIndex>().CommittedChangeId > before);
    }
}
