using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using AseanJapanNews.Web.Data.Sqlite;

namespace AseanJapanNews.Tests.TestSupport;

/// <summary>
/// A migrated SQLite file of its own plus a content folder, for tests of the importer without the web app.
/// Create one per test class instance (xunit makes a new instance per test), so no test sees another's rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempFolder temp = new();

    private TestDatabase()
    {
        Content = new ContentFolder(temp.File("content"));
        Directory.CreateDirectory(Content.ArticlesDir);
    }

    public string DatabaseFile => temp.File("news.db");
    public ContentFolder Content { get; }
    public TestClock Clock { get; } = new(NewsAppFactory.DefaultNow);
    public CapturingLogger<ContentImporter> Log { get; } = new();

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.Open();
        await SqliteDatabase.MigrateAsync(db, database.DatabaseFile, TestContext.Current.CancellationToken);
        return database;
    }

    /// <summary>A context on the test's database; <paramref name="interceptors"/> let a test act at a chosen moment.</summary>
    public NewsDbContext Open(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        SqliteDatabase.Configure(options, DatabaseFile).AddInterceptors(interceptors);
        return new NewsDbContext(options.Options);
    }

    /// <summary>One import run of <see cref="Content"/>, as start-up or the CLI would do it.</summary>
    public async Task<ImportReport> ImportAsync()
    {
        await using var db = Open();
        return await new ContentImporter(db, Clock, new RawTextDrafts(RepoPaths.Content), Log).ImportAsync(Content.Root, TestContext.Current.CancellationToken);
    }

    public async Task<T> QueryAsync<T>(Func<NewsDbContext, Task<T>> query)
    {
        await using var db = Open();
        return await query(db);
    }

    public ValueTask DisposeAsync()
    {
        temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
