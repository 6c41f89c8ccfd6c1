using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web;
using AseanJapanNews.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using AseanJapanNews.Web.Data.Sqlite;

namespace AseanJapanNews.Tests.Data;

/// <summary>
/// Each article–tag row carries a copy of its article's status and date (kept by database triggers) and tag pages,
/// tag feeds, tag counts and "Đọc thêm" choose their articles from those copies: whoever writes an article, the
/// copies follow, and the rule on them picks exactly the articles the article rule does.
/// </summary>
public sealed class TagRowCopyTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private readonly ServiceProvider services = new ServiceCollection().AddOptions().AddOutputCache().BuildServiceProvider();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private DateTime Now => database.Clock.GetUtcNow().UtcDateTime;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        // Imported by the importer's bulk insert: past, same-instant twins, scheduled, dated-only, a draft.
        database.Content.WriteArticle("a.md", "Bài A", "2024-01-01T08:00:00+07:00", "[Nhật Bản, ASEAN]");
        database.Content.WriteArticle("b.md", "Bài B", "2024-01-01T08:00:00+07:00", "[Nhật Bản]");
        database.Content.WriteArticle("c.md", "Bài C", "2024-03-05", "[Nhật Bản, ASEAN]");
        database.Content.WriteArticle("d.md", "Bài D hẹn giờ", "2024-12-01T09:00:00+07:00", "[Nhật Bản]");
        database.Content.WriteArticle("e.md", "Bài E nháp", "2024-02-01", "[Nhật Bản, ASEAN]", "draft: true");
        var report = await database.ImportAsync();
        Assert.Equal(5, report.Added);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>The reader catalog as the site builds it, over this database and clock (its caches the real ones).</summary>
    private ArticleCatalog Catalog(NewsDbContext db, int pageSize)
    {
        var readers = new ReaderContent(services.GetRequiredService<IOutputCacheStore>(), services.GetRequiredService<IServiceScopeFactory>(), database.Clock, NullLogger<ReaderContent>.Instance);
        return new ArticleCatalog(db, database.Clock, Options.Create(new NewsOptions { PageSize = pageSize }), readers, new ReaderQueries());
    }

    [Fact]
    public async Task ImportedArticles_TagRowsCarryTheirPublication()
    {
        await AssertCopiesFollowArticlesAsync(expectedRows: 8);
        await AssertTagRuleIsTheArticleRuleAsync();
        Assert.Equal(3, await VisibleWithTagCountAsync("nhat-ban")); // A, B, C: not the scheduled one, not the draft
    }

    [Fact]
    public async Task EveryKindOfWrite_CarriesTheChangeIntoTheTagRows()
    {
        await using (var db = database.Open())
        {
            // An editor's save: publish the draft, retract one, move one's date, give one a new tag.
            var draft = await db.Articles.SingleAsync(a => a.Title == "Bài E nháp", Ct);
            draft.Status = ArticleStatus.Published;
            var retracted = await db.Articles.SingleAsync(a => a.Title == "Bài A", Ct);
            retracted.Status = ArticleStatus.Draft;
            var moved = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Title == "Bài B", Ct);
            moved.PublishedAtUtc = new DateTime(2023, 5, 1, 1, 0, 0, DateTimeKind.Utc);
            moved.Tags.Add(await db.Tags.SingleAsync(t => t.Slug == "asean", Ct));
            await db.SaveChangesAsync(Ct);
        }
        await AssertCopiesFollowArticlesAsync(expectedRows: 9);
        await AssertTagRuleIsTheArticleRuleAsync();

        await using (var db = database.Open())
        {
            // A new article with a new tag, saved through EF, and one trashed.
            var tag = new Tag { Name = "Hợp tác", Slug = "hop-tac", SortKey = "hop tac" };
            db.Articles.Add(TestArticles.Make("Bài mới", Now.AddHours(-1), slug: "bai-moi", body: "", savedAtUtc: Now,
                tags: [tag, await db.Tags.SingleAsync(t => t.Slug == "nhat-ban", Ct)]));
            var trashed = await db.Articles.SingleAsync(a => a.Title == "Bài C", Ct);
            trashed.StatusBeforeTrash = trashed.Status;
            trashed.Status = ArticleStatus.Trashed;
            await db.SaveChangesAsync(Ct);
        }
        await AssertCopiesFollowArticlesAsync(expectedRows: 11);
        await AssertTagRuleIsTheArticleRuleAsync();

        await using (var db = database.Open())
        {
            // A write that bypasses EF's change tracking: the scheduled article is unscheduled to a past date.
            await db.Articles.Where(a => a.Title == "Bài D hẹn giờ")
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.PublishedAtUtc, Now.AddDays(-2)), Ct);
        }
        await AssertCopiesFollowArticlesAsync(expectedRows: 11);
        await AssertTagRuleIsTheArticleRuleAsync();
        // E (published), D (now past), the new one: A retracted, C trashed, B moved but still visible.
        Assert.Equal(4, await VisibleWithTagCountAsync("nhat-ban"));
    }

    [Fact]
    public async Task ScheduledArticle_JoinsItsTagRange_WhenItsTimeComes()
    {
        database.Clock.Now = new DateTimeOffset(2024, 12, 1, 9, 0, 0, TimeSpan.FromHours(7));
        await AssertTagRuleIsTheArticleRuleAsync();
        Assert.Equal(4, await VisibleWithTagCountAsync("nhat-ban"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task CompiledListQueries_ListWhatTheRulesList_PageByPage(int pageSize)
    {
        // The home list and each tag's pages as the catalog reads them (compiled queries), against the rules composed
        // as LINQ; with the scheduled article due, and A and B published at the same instant (the tie goes by id).
        database.Clock.Now = new DateTimeOffset(2024, 12, 1, 9, 0, 0, TimeSpan.FromHours(7));
        await using var db = database.Open();
        var catalog = Catalog(db, pageSize);

        async Task<List<string>> ListedAsync(IReadOnlyList<string> tags, DateOnly? from = null, DateOnly? to = null)
        {
            var slugs = new List<string>();
            for (var page = 1; page <= 10; page++)
            {
                slugs.AddRange((await catalog.Lists.PageAsync(new ArticleListQuery(tags, from, to, page), Ct)).Items.Select(i => i.Slug));
            }
            return slugs;
        }

        var home = await db.Articles.VisibleToReaders(Now).NewestFirst().Select(a => a.Slug).ToListAsync(Ct);
        Assert.True(home.Count >= 4);
        Assert.Equal(home, await ListedAsync([]));
        foreach (var tag in await db.Tags.ToListAsync(Ct))
        {
            var tagged = await db.Articles.VisibleToReaders(Now).Where(a => a.Tags.Any(t => t.Id == tag.Id)).NewestFirst().Select(a => a.Slug).ToListAsync(Ct);
            Assert.Equal(tagged, await ListedAsync([tag.Slug]));
        }
        // Periods: wholly past, open at either end, one that is not over (D is due at this very minute), an empty one.
        (string? From, string? To)[] periods =
            [("2024-01-01", "2024-01-31"), ("2024-01-02", null), (null, "2024-03-05"), ("2024-12-01", "2024-12-31"), ("2024-02-01", "2024-02-29")];
        foreach (var (from, to) in periods)
        {
            var first = from is null ? (DateOnly?)null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
            var last = to is null ? (DateOnly?)null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);
            var inPeriod = await db.Articles.VisibleToReaders(Now, first, last).NewestFirst().Select(a => a.Slug).ToListAsync(Ct);
            Assert.Equal(inPeriod, await ListedAsync([], first, last));
        }
    }

    [Fact]
    public async Task CompiledArticleQueries_FindEachVisibleArticle_WithTheNeighboursOfTheHomeList()
    {
        database.Clock.Now = new DateTimeOffset(2024, 12, 1, 9, 0, 0, TimeSpan.FromHours(7)); // D is due; A and B tie
        await using var db = database.Open();
        var catalog = Catalog(db, pageSize: 20);

        var newestFirst = await db.Articles.VisibleToReaders(Now).NewestFirst().Select(a => new { a.Id, a.Slug }).ToListAsync(Ct);
        Assert.Equal(4, newestFirst.Count);
        for (var i = 0; i < newestFirst.Count; i++)
        {
            var found = await catalog.Articles.FindAsync(newestFirst[i].Slug, Ct);
            Assert.Equal(newestFirst[i].Id, found?.Id);
            var (previous, next) = await catalog.Articles.NeighbourIdsAsync(found!, Ct);
            Assert.Equal(i + 1 < newestFirst.Count ? newestFirst[i + 1].Id : null, previous);
            Assert.Equal(i > 0 ? newestFirst[i - 1].Id : null, next);
            var links = await catalog.Articles.LinksByIdAsync([.. newestFirst.Select(a => a.Id)], Ct);
            Assert.Equal(newestFirst.Select(a => a.Slug).Order(), links.Values.Select(l => l.Slug).Order());
        }
        var draft = await db.Articles.Where(a => a.Status == ArticleStatus.Draft).Select(a => a.Slug).SingleAsync(Ct);
        Assert.Null(await catalog.Articles.FindAsync(draft, Ct));
        Assert.Empty(await catalog.Articles.LinksByIdAsync([await db.Articles.Where(a => a.Slug == draft).Select(a => a.Id).SingleAsync(Ct)], Ct));
    }

    [Fact]
    public async Task TagRange_IsOneSearchOfTheTagRowsIndex_WithoutASort()
    {
        await using var db = database.Open();
        var tagId = await db.Tags.Where(t => t.Slug == "nhat-ban").Select(t => t.Id).SingleAsync(Ct);
        // A deep page of a tag, as the tag page asks for it.
        var page = db.Set<Dictionary<string, object>>(NewsDbContext.ArticleTag).NewestWithTag(tagId, Now)
            .Skip(40).Take(20).Select(t => t.ArticleId);
        await using var command = page.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync(Ct);
        var steps = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                steps.Add(reader.GetString(reader.GetOrdinal("detail")));
            }
        }
        var plan = string.Join(" | ", steps);
        Assert.Contains("USING COVERING INDEX IX_ArticleTag_TagsId_Status_PublishedAtUtc_ArticlesId (TagsId=? AND Status=? AND PublishedAtUtc<?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migration_CopiesPublicationIntoTheTagRowsAnOlderDatabaseHas()
    {
        var olderFile = Path.Combine(Path.GetDirectoryName(database.DatabaseFile)!, "older.db");
        var options = new DbContextOptionsBuilder<NewsDbContext>();
        SqliteDatabase.Configure(options, olderFile);
        await using var db = new NewsDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261126090000_ForgetSearchIndexStatistics", Ct);
        // Rows as the code before the copies wrote them: the join table had only the two ids.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Tags (Id, Name, Slug, SortKey) VALUES (1, 'Nhật Bản', 'nhat-ban', 'nhat ban');
            INSERT INTO Articles (Id, Slug, Title, Summary, Body, PublishedAtUtc, PublishedTimeKnown, CreatedAtUtc, UpdatedAtUtc, Status, EditedSinceImport, Version)
            VALUES (1, 'a', 'A', '', '', '2024-01-01 01:00:00', 1, '2024-01-01 01:00:00', '2024-01-01 01:00:00', 1, 0, 1),
                   (2, 'b', 'B', '', '', NULL, 0, '2024-01-01 01:00:00', '2024-01-01 01:00:00', 0, 0, 1),
                   (3, 'c', 'C', '', '', '2024-12-01 02:00:00', 1, '2024-01-01 01:00:00', '2024-01-01 01:00:00', 1, 0, 1);
            INSERT INTO ArticleTag (ArticlesId, TagsId) VALUES (1, 1), (2, 1), (3, 1);
            """, Ct);

        await migrator.MigrateAsync(cancellationToken: Ct);

        var copies = await db.Set<Dictionary<string, object>>(NewsDbContext.ArticleTag)
            .OrderBy(at => EF.Property<int>(at, "ArticlesId"))
            .Select(at => new
            {
                Id = EF.Property<int>(at, "ArticlesId"),
                Status = EF.Property<ArticleStatus?>(at, NewsDbContext.ArticleTagStatus),
                PublishedAtUtc = EF.Property<DateTime?>(at, NewsDbContext.ArticleTagPublishedAtUtc),
            })
            .ToListAsync(Ct);
        Assert.Equal(
            [(1, ArticleStatus.Published, new DateTime(2024, 1, 1, 1, 0, 0)), (2, ArticleStatus.Draft, (DateTime?)null), (3, ArticleStatus.Published, new DateTime(2024, 12, 1, 2, 0, 0))],
            copies.Select(c => (c.Id, c.Status, c.PublishedAtUtc)));
        Assert.Equal([1], await db.Set<Dictionary<string, object>>(NewsDbContext.ArticleTag).NewestWithTag(1, Now).Select(t => t.ArticleId).ToListAsync(Ct));

        // And back: the triggers and the new index go, the old index returns, and no tag link is lost.
        await migrator.MigrateAsync("20261126090000_ForgetSearchIndexStatistics", Ct);
        var schema = await db.Database
            .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_schema WHERE tbl_name IN ('ArticleTag', 'Articles') AND type IN ('index', 'trigger')")
            .ToListAsync(Ct);
        Assert.Contains("IX_ArticleTag_TagsId_ArticlesId", schema);
        Assert.DoesNotContain(schema, name => name.Contains("Publication", StringComparison.Ordinal) || name.Contains("_Status_", StringComparison.Ordinal) && name.StartsWith("IX_ArticleTag", StringComparison.Ordinal));
        Assert.Equal(3, (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM ArticleTag").ToListAsync(Ct)).Single());
    }

    /// <summary>Every article–tag row holds its article's status and date, and there are as many rows as expected.</summary>
    private async Task AssertCopiesFollowArticlesAsync(int expectedRows)
    {
        await using var db = database.Open();
        var joined = db.Set<Dictionary<string, object>>(NewsDbContext.ArticleTag)
            .Join(db.Articles, at => EF.Property<int>(at, "ArticlesId"), a => a.Id, (at, a) => new
            {
                a.Title,
                a.Status,
                a.PublishedAtUtc,
                CopiedStatus = EF.Property<ArticleStatus?>(at, NewsDbContext.ArticleTagStatus),
                CopiedPublishedAtUtc = EF.Property<DateTime?>(at, NewsDbContext.ArticleTagPublishedAtUtc),
            });
        var rows = await joined.ToListAsync(Ct);
        Assert.Equal(expectedRows, rows.Count);
        // Compared by the database too, as stored: an index orders the text, so "equal once parsed" is not enough.
        Assert.Equal(0, await joined.CountAsync(r => r.Status != r.CopiedStatus || r.PublishedAtUtc != r.CopiedPublishedAtUtc, Ct));
        Assert.All(rows, r =>
        {
            Assert.Equal(r.Status, r.CopiedStatus);
            Assert.Equal(r.PublishedAtUtc, r.CopiedPublishedAtUtc);
        });
    }

    /// <summary>For every tag, the rule on the copies gives the same articles in the same order as the article rule.</summary>
    private async Task AssertTagRuleIsTheArticleRuleAsync()
    {
        await using var db = database.Open();
        var tagRows = db.Set<Dictionary<string, object>>(NewsDbContext.ArticleTag);
        foreach (var tagId in await db.Tags.Select(t => t.Id).ToListAsync(Ct))
        {
            var byArticles = await db.Articles.VisibleToReaders(Now)
                .Where(a => a.Tags.Any(t => t.Id == tagId))
                .NewestFirst()
                .Select(a => new { a.Id, a.PublishedAtUtc })
                .ToListAsync(Ct);
            var byTagRows = await tagRows.NewestWithTag(tagId, Now).ToListAsync(Ct);
            Assert.Equal(byArticles.Select(a => (a.Id, a.PublishedAtUtc!.Value)), byTagRows.Select(t => (t.ArticleId, t.PublishedAtUtc)));
        }
    }

    private async Task<int> VisibleWithTagCountAsync(string slug)
    {
        await using var db = database.Open();
        var tagId = await db.Tags.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync(Ct);
        return await db.Set<Dictionary<string, object>>(NewsDbContext.ArticleTag).NewestWithTag(tagId, Now).CountAsync(Ct);
    }
}
