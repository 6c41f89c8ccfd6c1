using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AseanJapanNews.Tests.Search;

/// <summary>
/// The index follows every change made through NewsDbContext (what imports and the admin area use), with no
/// rebuild step. Each test makes its own article with words no other article has.
/// </summary>
public sealed class SearchFreshnessTests(NewsAppFactory factory) : IClassFixture<NewsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<string>> FoundAsync(string query)
    {
        var page = await HtmlPage.GetAsync(factory.Client(), "/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Texts(".search-results .card-title");
    }

    private Task<int> CreateAsync(string title, string body = "Nội dung.", ArticleStatus status = ArticleStatus.Published, DateTimeOffset? published = null) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var article = TestArticles.Make(title, (published ?? factory.Clock.GetUtcNow().AddDays(-1)).UtcDateTime, body: body, status: status, savedAtUtc: now);
            db.Articles.Add(article);
            await db.SaveChangesAsync(Ct);
            return article.Id;
        });

    private Task<int> EditAsync(int id, Action<Article> edit) =>
        factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Id == id, Ct);
            edit(article);
            return await db.SaveChangesAsync(Ct);
        });

    private Task<ImportReport> ImportAsync() =>
        factory.WithDbAsync(async _ =>
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(factory.Content.Root, Ct);
        });

    [Fact]
    public async Task ReimportedFile_IsFoundByItsNewWords_AndNoLongerByTheOld()
    {
        factory.Content.WriteArticle("chim-canh-cut.md", "Chim cánh cụt ở Nam Cực", "2024-05-21", body: "Đàn chim cánh cụt đứng trên băng.");
        await ImportAsync();
        Assert.Single(await FoundAsync("\"cánh cụt\""));

        factory.Content.WriteArticle("chim-canh-cut.md", "Chim hồng hạc ở hồ muối", "2024-05-21", body: "Đàn hồng hạc lội nước.");
        var report = await ImportAsync();

        Assert.Equal(1, report.Updated);
        Assert.Equal(["Chim hồng hạc ở hồ muối"], (await FoundAsync("hong hac")).ToList());
        // The same URL as before the re-import: the cached result page was evicted with the change.
        Assert.Empty(await FoundAsync("\"cánh cụt\""));
    }

    [Fact]
    public async Task ImportBatch_ThatUpdatesOneArticleAndAddsAnother_WithTheSameNewTag_MakesOneTagRow_AndIndexesBoth()
    {
        factory.Content.WriteArticle("voc-1.md", "Voọc chà vá chân nâu ở Sơn Trà", "2024-05-25", "[Linh trưởng]");
        await ImportAsync();
        Assert.Empty(await FoundAsync("vooc xam"));

        // One batch: the update is saved through EF, the new file through ArticleBulkInsert; both carry a tag new to
        // the database, which must become one row (EF inserts it, the bulk insert reuses its id).
        factory.Content.WriteArticle("voc-1.md", "Voọc chà vá chân nâu ở Sơn Trà", "2024-05-25", "[Linh trưởng, Voọc xám]");
        factory.Content.WriteArticle("voc-2.md", "Voọc xám ở Pù Mát", "2024-05-26", "[Voọc xám]");
        var report = await ImportAsync();

        Assert.Equal((1, 1, 0), (report.Added, report.Updated, report.Failed));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Tags.CountAsync(t => t.Slug == "vooc-xam", Ct)));
        var linked = await factory.WithDbAsync(db => db.Articles.Where(a => a.Tags.Any(t => t.Slug == "vooc-xam"))
            .OrderBy(a => a.Id).Select(a => a.Title).ToListAsync(Ct));
        Assert.Equal(["Voọc chà vá chân nâu ở Sơn Trà", "Voọc xám ở Pù Mát"], linked);
        // Found through the new tag's words too, on the same (formerly cached) URL.
        Assert.Equal(["Voọc chà vá chân nâu ở Sơn Trà", "Voọc xám ở Pù Mát"], (await FoundAsync("vooc xam")).Order().ToList());
    }

    [Fact]
    public async Task ImportBatchThatFailsToSave_IsRetriedFileByFile_AndTheIndexHoldsOnlyWhatWasSaved()
    {
        // The database refuses one article, so the batch's save fails and is rolled back whole.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER RefuseOneTitle BEFORE INSERT ON Articles WHEN NEW.Title = 'Rùa vàng không lưu được' " +
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;", Ct));
        var bad = factory.Content.WriteArticle("rua-khong-luu.md", "Rùa vàng không lưu được", "2024-05-22", body: "Rùa vàng nổi lên.");
        try
        {
            factory.Content.WriteArticle("rua-ho-guom.md", "Rùa vàng hồ Gươm", "2024-05-22", body: "Rùa vàng nổi lên giữa hồ.");

            var report = await ImportAsync();

            var problem = Assert.Single(report.Problems);
            Assert.Equal("articles/rua-khong-luu.md", problem.Path);
            Assert.Contains("refused by the test", problem.Reason, StringComparison.Ordinal);
            Assert.Equal(["Rùa vàng hồ Gươm"], (await FoundAsync("rua vang")).ToList());
        }
        finally
        {
            File.Delete(bad);
            await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER RefuseOneTitle;", Ct));
        }
    }

    [Fact]
    public async Task ImportedArticle_IsFound_WithoutRebuild()
    {
        await factory.Client().GetAsync("/", Ct);
        Assert.Empty(await FoundAsync("ngựa vằn"));
        factory.Content.WriteArticle("ngua-van.md", "Đàn ngựa vằn ở thảo nguyên", "2024-05-20", "[Động vật]");
        await factory.WithDbAsync(async db =>
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(factory.Content.Root, Ct);
        });
        Assert.Equal(["Đàn ngựa vằn ở thảo nguyên"], (await FoundAsync("ngua van")).ToList());
    }

    [Fact]
    public async Task CreatedArticle_IsFound()
    {
        await CreateAsync("Cá heo bơi ở vịnh Hạ Long");
        Assert.Equal(["Cá heo bơi ở vịnh Hạ Long"], (await FoundAsync("ca heo")).ToList());
    }

    [Fact]
    public async Task EditedTitle_IsFoundByItsNewWords_AndNoLongerByTheOld()
    {
        var id = await CreateAsync("Chuyện con mèo mướp");
        Assert.Single(await FoundAsync("mèo mướp"));
        await EditAsync(id, a => a.Title = "Chuyện con chó đốm");
        Assert.Equal(["Chuyện con chó đốm"], (await FoundAsync("cho dom")).ToList());
        Assert.Empty(await FoundAsync("mèo mướp"));
    }

    [Fact]
    public async Task EditedBody_IsFoundByItsNewWords()
    {
        var id = await CreateAsync("Bài về hoa sen", body: "Hoa sen nở rộ.");
        await EditAsync(id, a => a.Body = "Hoa **tulip** nở rộ ở Hà Lan.");
        Assert.Equal(["Bài về hoa sen"], (await FoundAsync("tulip")).ToList());
        Assert.Empty(await FoundAsync("hoa sen nở rộ \"sen nở\""));
    }

    [Fact]
    public async Task TrashedArticle_DisappearsFromResults_AndComesBackWhenRestored()
    {
        var id = await CreateAsync("Chim hải âu bay xa");
        await EditAsync(id, a => a.Status = ArticleStatus.Trashed);
        Assert.Empty(await FoundAsync("hải âu"));
        await EditAsync(id, a => a.Status = ArticleStatus.Published);
        Assert.Single(await FoundAsync("hải âu"));
    }

    [Fact]
    public async Task UnpublishedArticle_DisappearsFromResults_AndComesBackWhenPublished()
    {
        var id = await CreateAsync("Rừng tràm Trà Sư mùa nước nổi");
        await EditAsync(id, a => a.Status = ArticleStatus.Draft);
        Assert.Empty(await FoundAsync("rung tram"));
        await EditAsync(id, a => a.Status = ArticleStatus.Published);
        Assert.Single(await FoundAsync("rung tram"));
    }

    [Fact]
    public async Task DraftCreatedAndLaterPublished_IsFoundOnlyOncePublished()
    {
        var id = await CreateAsync("Ruộng bậc thang Mù Cang Chải", status: ArticleStatus.Draft);
        Assert.Empty(await FoundAsync("ruong bac thang"));
        await EditAsync(id, a => a.Status = ArticleStatus.Published);
        Assert.Single(await FoundAsync("ruong bac thang"));
    }

    [Fact]
    public async Task DeletedArticle_IsNoLongerFound()
    {
        var id = await CreateAsync("Cây đa giếng nước sân đình");
        Assert.Single(await FoundAsync("giếng nước"));
        await factory.WithDbAsync(async db =>
        {
            db.Articles.Remove(await db.Articles.SingleAsync(a => a.Id == id, Ct));
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Empty(await FoundAsync("giếng nuoc"));
    }

    [Fact]
    public async Task ArticleDeletedBehindTheLogsBack_IsNeverShown()
    {
        // A delete that bypasses SaveChanges writes no change log row: the index keeps the document, the page never
        // shows an article the database no longer has.
        var id = await CreateAsync("Làng gốm Bát Tràng");
        Assert.Single(await FoundAsync("gốm bát tràng"));
        await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).ExecuteDeleteAsync(Ct));
        Assert.Empty(await FoundAsync("gom bat trang"));
    }

    [Fact]
    public async Task AddedAndRenamedTags_AreSearchable()
    {
        var id = await CreateAsync("Bài không có chủ đề");
        await EditAsync(id, a => a.Tags.Add(new Tag { Name = "Khinh khí cầu", Slug = "khinh-khi-cau", SortKey = VietnameseCollation.SortKey("Khinh khí cầu") }));
        Assert.Equal(["Bài không có chủ đề"], (await FoundAsync("khinh khi cau")).ToList());
        await factory.WithDbAsync(async db =>
        {
            var tag = await db.Tags.SingleAsync(t => t.Slug == "khinh-khi-cau", Ct);
            tag.Name = "Tàu lượn";
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(["Bài không có chủ đề"], (await FoundAsync("tàu lượn")).ToList());
        Assert.Empty(await FoundAsync("khinh khi cau"));
        await EditAsync(id, a => a.Tags.Clear());
        Assert.Empty(await FoundAsync("tàu lượn"));
    }

    [Fact]
    public async Task ScheduledArticle_IsFound_OnceItsTimeComes()
    {
        var clock = factory.Clock;
        var start = clock.Now;
        try
        {
            await CreateAsync("Lễ hội pháo hoa Đà Nẵng", published: start.AddHours(2));
            Assert.Empty(await FoundAsync("phao hoa"));
            clock.Now = start.AddHours(3);
            Assert.Single(await FoundAsync("phao hoa"));
        }
        finally
        {
            clock.Now = start;
        }
    }

    [Fact]
    public async Task FailedSave_LeavesTheIndexAsItWas()
    {
        var id = await CreateAsync("Bánh chưng ngày Tết");
        await CreateAsync("Bánh tét miền Nam");
        await Assert.ThrowsAsync<DbUpdateException>(() => EditAsync(id, a =>
        {
            a.Title = "Tiêu đề mới về khủng long";
            a.Slug = Slug.From("Bánh tét miền Nam");   // taken: the unique index refuses the save
        }));
        Assert.Equal(["Bánh chưng ngày Tết"], (await FoundAsync("bánh chưng")).ToList());
        Assert.Empty(await FoundAsync("khủng long"));
    }

    [Fact]
    public async Task SynchronousSaveChanges_KeepsTheIndexCurrentToo()
    {
        var id = await CreateAsync("Đèn lồng Hội An");
        await factory.WithDbAsync(db =>
        {
            db.Articles.Single(a => a.Id == id).Title = "Đèn trời Bình Định";
            return Task.FromResult(db.SaveChanges());
        });
        Assert.Contains("Đèn trời Bình Định", await FoundAsync("đèn trời"));
        Assert.DoesNotContain("Đèn lồng Hội An", await FoundAsync("đèn lồng"));
    }
}
