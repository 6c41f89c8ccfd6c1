using System.Data.Common;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using AseanJapanNews.Web.Data.Sqlite;

namespace AseanJapanNews.Tests.Data;

/// <summary>
/// Loading one article with its tags (an editor's save, an import of a changed file) reads that article's tag links
/// by its id: SQLite's plan for the single query EF writes by default walked every tag link of every article.
/// </summary>
public sealed class ArticleLoadPlanTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        database.Content.WriteArticle("a.md", "Bài A", "2024-01-01", "[Nhật Bản, ASEAN]");
        database.Content.WriteArticle("b.md", "Bài B", "2024-01-02", "[Nhật Bản]");
        await database.ImportAsync();
    }

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task ArticleWithItsTags_ReadsTheTagLinksByArticleId()
    {
        var commands = new CommandLog();
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        SqliteDatabase.Configure(options, database.DatabaseFile).AddInterceptors(commands);
        await using var db = new NewsDbContext(options.Options);
        var id = await db.Articles.Where(a => a.Slug == "bai-a").Select(a => a.Id).SingleAsync(Ct);
        commands.Sent.Clear();

        var article = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Id == id, Ct);

        Assert.Equal(["ASEAN", "Nhật Bản"], article.Tags.Select(t => t.Name).Order());
        await db.Database.OpenConnectionAsync(Ct);
        var plans = new List<string>();
        foreach (var sent in commands.Sent)
        {
            await using var explain = db.Database.GetDbConnection().CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sent.Text;
            foreach (var (name, value) in sent.Parameters)
            {
                var parameter = explain.CreateParameter();
                (parameter.ParameterName, parameter.Value) = (name, value);
                explain.Parameters.Add(parameter);
            }
            var steps = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(Ct))
            {
                while (await reader.ReadAsync(Ct))
                {
                    steps.Add(reader.GetString(reader.GetOrdinal("detail")));
                }
            }
            plans.Add(string.Join(" | ", steps));
        }
        var all = string.Join(" || ", plans);
        // Found by the article's id, and nothing materialized but the one-row article itself.
        Assert.True(all.Contains("sqlite_autoindex_ArticleTag_1 (ArticlesId=?", StringComparison.Ordinal), all);
        Assert.False(all.Replace("MATERIALIZE a1", "", StringComparison.Ordinal).Contains("MATERIALIZE", StringComparison.Ordinal), all);
    }

    /// <summary>The SQL EF sends, with its parameters, to be explained afterwards.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<(string Text, List<(string, object?)> Parameters)> Sent { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Sent.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
