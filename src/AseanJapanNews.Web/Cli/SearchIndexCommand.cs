using System.CommandLine;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Search;

namespace AseanJapanNews.Web.Cli;

/// <summary><c>rebuild-search</c>: this node's search index made again from the database.</summary>
internal static class SearchIndexCommand
{
    public static Command Create()
    {
        var command = new Command("rebuild-search",
            "Rebuild the search index (a folder beside the database) from the articles in the database. The site does this " +
            "itself when its index is missing or stale; run this with the site stopped (it holds the index while it runs).");
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var app = NewsCli.BuildServices();
                await using var scope = app.Services.CreateAsyncScope();
                await NewsStartup.MigrateAsync(scope.ServiceProvider, ct);
                var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
                var upTo = await ChangeLog.LatestIdAsync(db, ct);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
                await index.RebuildAsync(upTo, ct);
                Console.WriteLine($"search index rebuilt in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s, at change {upTo}");
                return 0;
            }
            catch (Exception e) when (e is Lucene.Net.Store.LockObtainFailedException or IOException)
            {
                await Console.Error.WriteLineAsync($"lỗi: không mở được chỉ mục tìm kiếm (trang web đang chạy?): {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
