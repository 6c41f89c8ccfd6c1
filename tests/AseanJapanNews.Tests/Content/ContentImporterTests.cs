using System.ComponentModel.DataAnnotations;
using System.Text;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Areas.Admin.Models;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AseanJapanNews.Tests.Content;

/// <summary>The importer against a real SQLite file (a fresh one for every test).</summary>
// Over 300 lines: one case per import rule of the README (adds, updates, conflicts, purges, slugs, dates, limits),
// kept in one class so the rules read as a list.
public sealed class ContentImporterTests : DatabaseTest
{
    private ContentFolder Content => Store.Content;

    private Task<List<Article>> ArticlesAsync() =>
        Store.QueryAsync(db => db.Articles.Include(a => a.Tags).OrderBy(a => a.OriginFile).ToListAsync(Ct));

    private void WriteThreeGoodFiles()
    {
        Content.WriteArticle("a.md", "Hội nghị cấp cao ASEAN - Nhật Bản", "2023-12-17", "[ASEAN, Nhật Bản]");
        Content.WriteArticle("b.md", "Việt Nam – Nhật Bản nâng cấp quan hệ", "2023-11-27T14:00:00+07:00", "[Việt Nam, Nhật Bản]");
        Content.WriteArticle("c.md", "Hợp tác ODA", "2021-09-30", "[ODA]");
    }

    [Fact]
    public async Task Import_AddsEveryArticleWithItsFields()
    {
        Content.Write("a.md", """
            title: "Thủ tướng: Kết nối là động lực"
            date: 2023-12-17T08:04:00+07:00
            summary: "Sapo."
            tags: [ASEAN, Nhật Bản]
            source: "Vietnam+"
            source_url: "https://www.vietnamplus.vn/bai"
            author: "Hải Ngọc"
            """, "Đoạn một.");

        var report = await Store.ImportAsync();

        Assert.Equal((1, 0, 0, 0, 0), (report.Added, report.Updated, report.Unchanged, report.Conflicts, report.Failed));
        var article = Assert.Single(await ArticlesAsync());
        Assert.Equal("thu-tuong-ket-noi-la-dong-luc", article.Slug);
        Assert.Equal("Thủ tướng: Kết nối là động lực", article.Title);
        Assert.Equal("Sapo.", article.Summary);
        Assert.Equal("Đoạn một.", article.Body);
        Assert.Equal(new DateTime(2023, 12, 17, 1, 4, 0), article.PublishedAtUtc);
        Assert.True(article.PublishedTimeKnown);
        Assert.Equal("Hải Ngọc", article.Author);
        Assert.Equal("Vietnam+", article.SourceName);
        Assert.Equal("https://www.vietnamplus.vn/bai", article.SourceUrl);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal("articles/a.md", article.OriginFile);
        Assert.Equal(["ASEAN", "Nhật Bản"], article.Tags.Select(t => t.Name).Order());
        Assert.Equal((1, false, Store.Clock.Now.UtcDateTime, Store.Clock.Now.UtcDateTime), (article.Version, article.EditedSinceImport, article.CreatedAtUtc, article.UpdatedAtUtc));
        Assert.Null(article.StatusBeforeTrash);
        Assert.Matches("^[0-9a-f]{64}$", article.ContentHash);

        // The first revision: what the history page and "restore" read.
        var revision = Assert.Single(await Store.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == article.Id).ToListAsync(Ct)));
        Assert.Equal(
            (1, ContentImporter.ImportActor, "Nhập từ articles/a.md", Store.Clock.Now.UtcDateTime),
            (revision.Number, revision.SavedBy, revision.Reason, revision.SavedAtUtc));
        Assert.Equal(
            (article.Title, article.Slug, article.Summary, article.Body, article.PublishedAtUtc, true, "Hải Ngọc", "Vietnam+", "https://www.vietnamplus.vn/bai", ArticleStatus.Published, "ASEAN\nNhật Bản"),
            (revision.Title, revision.Slug, revision.Summary, revision.Body, revision.PublishedAtUtc, revision.PublishedTimeKnown, revision.Author, revision.SourceName, revision.SourceUrl, revision.Status, revision.Tags));
    }

    [Fact]
    public async Task ImportedDates_CompareAndSortInTheDatabase_AlongsideArticlesSavedThroughEf()
    {
        // New files are written by ArticleBulkInsert, not EF: their instants must be stored in EF's own format, or
        // SQL comparisons and ORDER BY (text in SQLite) would interleave them wrongly with EF-saved articles.
        Content.WriteArticle("a.md", "Bài sáng", "2023-12-17T08:04:00+07:00");
        Content.WriteArticle("b.md", "Bài chiều", "2023-12-17T15:30:00+07:00");
        Content.WriteArticle("c.md", "Bài hôm trước", "2023-12-16");
        await Store.ImportAsync();
        await Store.QueryAsync(db =>
        {
            var at = new DateTime(2023, 12, 17, 3, 0, 0, DateTimeKind.Utc); // 10:00 in Vietnam
            db.Articles.Add(TestArticles.Make("Bài trưa", at, slug: "bai-trua"));
            return db.SaveChangesAsync(Ct);
        });

        var from = new DateTime(2023, 12, 17, 1, 4, 0, DateTimeKind.Utc);
        var titles = await Store.QueryAsync(db => db.Articles
            .Where(a => a.PublishedAtUtc >= from)
            .OrderByDescending(a => a.PublishedAtUtc)
            .Select(a => a.Title)
            .ToListAsync(Ct));

        Assert.Equal(["Bài chiều", "Bài trưa", "Bài sáng"], titles);
    }

    [Fact]
    public async Task SecondImport_FindsEverythingUnchanged_AndRewritesNoRow()
    {
        WriteThreeGoodFiles();
        await Store.ImportAsync();
        var before = await ArticlesAsync();

        Store.Clock.Now = Store.Clock.Now.AddDays(1);
        var report = await Store.ImportAsync();

        Assert.Equal((0, 0, 3, 0, 0), (report.Added, report.Updated, report.Unchanged, report.Conflicts, report.Failed));
        var after = await ArticlesAsync();
        Assert.Equal(before.Select(a => (a.Id, a.Slug, a.UpdatedAtUtc, a.ContentHash)), after.Select(a => (a.Id, a.Slug, a.UpdatedAtUtc, a.ContentHash)));
        Assert.Equal(3, await Store.QueryAsync(db => db.Articles.CountAsync(Ct)));
        Assert.Equal(4, await Store.QueryAsync(db => db.Tags.CountAsync(Ct)));
    }

    [Fact]
    public async Task Import_OfAFileWhoseSlugChanged_KeepsTheOldAddressAsARedirect()
    {
        Content.WriteArticle("doi.md", "Bài đổi địa chỉ", "2023-12-17", "[ASEAN]", extra: "slug: dia-chi-cu");
        await Store.ImportAsync();
        Content.WriteArticle("doi.md", "Bài đổi địa chỉ", "2023-12-17", "[ASEAN]", extra: "slug: dia-chi-moi");

        var report = await Store.ImportAsync();

        Assert.Equal(1, report.Updated);
        var redirects = await Store.QueryAsync(db => db.SlugRedirects
            .Join(db.Articles, r => r.ArticleId, a => a.Id, (r, a) => new { r.OldSlug, a.Slug }).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([("dia-chi-cu", "dia-chi-moi")], redirects.Select(r => (r.OldSlug, r.Slug)));
    }

    [Fact]
    public async Task Import_UpdatesTheArticle_WhenItsFileChanged()
    {
        WriteThreeGoodFiles();
        await Store.ImportAsync();
        var before = (await ArticlesAsync()).Single(a => a.OriginFile == "articles/a.md");

        Store.Clock.Now = Store.Clock.Now.AddHours(2);
        Content.WriteArticle("a.md", "Hội nghị cấp cao ASEAN - Nhật Bản (cập nhật)", "2023-12-17", "[ASEAN, Tokyo]", body: "Nội dung mới.");
        var report = await Store.ImportAsync();

        Assert.Equal((0, 1, 2), (report.Added, report.Updated, report.Unchanged));
        var after = (await ArticlesAsync()).Single(a => a.OriginFile == "articles/a.md");
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.Slug, after.Slug); // the published URL stays
        Assert.Equal("Hội nghị cấp cao ASEAN - Nhật Bản (cập nhật)", after.Title);
        Assert.Equal("Nội dung mới.", after.Body);
        Assert.Equal(["ASEAN", "Tokyo"], after.Tags.Select(t => t.Name).Order());
        Assert.Equal(Store.Clock.Now.UtcDateTime, after.UpdatedAtUtc);
        Assert.NotEqual(before.ContentHash, after.ContentHash);
    }

    public static TheoryData<string, Action<ContentFolder>, int?, string> BadFiles => new()
    {
        { "malformed YAML", c => c.Write("bad.md", "title: A\ndate: 2023-12-17\nsummary: Hai bên: nhất trí"), 4, "YAML" },
        { "missing title", c => c.Write("bad.md", "date: 2023-12-17\nsummary: Sapo"), 1, "title" },
        { "unparseable date", c => c.Write("bad.md", "title: A\nsummary: Sapo\ndate: 17/12/2023"), 4, "date" },
        { "no date on a published article", c => c.Write("bad.md", "title: A\nsummary: Sapo"), null, "date" },
        { "no front matter", c => File.WriteAllText(Path.Combine(c.ArticlesDir, "bad.md"), "# Tiêu đề\n\nKhông có front matter.\n"), 1, "front matter" },
        { "invalid slug", c => c.Write("bad.md", "title: A\ndate: 2023-12-17\nslug: Hà Nội"), 4, "slug" },
        { "date before the calendar", c => c.Write("bad.md", "title: A\ndate: 0001-01-01"), 3, "date" },
        { "date typed with a short year", c => c.Write("bad.md", "title: A\nsummary: Sapo\ndate: 0202-05-01"), 4, "1900" },
        { "date-time typed with a short year", c => c.Write("bad.md", "title: A\ndate: 0202-05-01T08:00:00+07:00"), 3, "1900" },
        { "date after 2100", c => c.Write("bad.md", "title: A\ndate: 2101-01-01 08:00"), 3, "1900" },
        {
            "not UTF-8", c =>
            {
                var bytes = new List<byte>();
                bytes.AddRange("---\ntitle: A\ndate: 2023-12-17\nsummary: "u8.ToArray());
                bytes.AddRange(Encoding.Latin1.GetBytes("Vi\u00eat Nam")); // Latin-1 'ê' is not UTF-8
                bytes.AddRange("\n---\n\nBody\n"u8.ToArray());
                File.WriteAllBytes(Path.Combine(c.ArticlesDir, "bad.md"), bytes.ToArray());
            },
            4, "UTF-8"
        },
        {
            "over 1 MiB", c => c.Write("bad.md", "title: A\ndate: 2023-12-17", new string('x', ContentBytes.MaxFileBytes)),
            null, "quá lớn"
        },
        { "no body on a published article", c => c.Write("bad.md", "title: A\ndate: 2023-12-17", body: ""), 4, "thiếu nội dung bài" },
        {
            // Line 8: the body starts on line 6 ("Đoạn một."), and the character past the limit is on its third line.
            "body longer than the admin form takes", c => c.Write("bad.md", "title: A\ndate: 2023-12-17", "Đoạn một.\n\n" + new string('x', ArticleLimits.MaxBodyLength)),
            8, "quá dài"
        },
        { "a key written twice", c => c.Write("bad.md", "title: A\ndate: 2023-12-17\ntitle: B"), 4, "khóa 'title' bị lặp lại (đã có ở dòng 2)" },
        {
            "a sapo longer than the admin form takes",
            c => c.Write("bad.md", $"title: A\ndate: 2023-12-17\nsummary: \"{new string('a', ArticleLimits.MaxSummaryLength + 1)}\""),
            4, "sapo ('summary') quá dài"
        },
        {
            "more tags than the admin form takes",
            c => c.Write("bad.md", $"title: A\ndate: 2023-12-17\ntags: [{string.Join(", ", Enumerable.Range(1, ArticleLimits.MaxTags + 1).Select(i => $"Chủ đề {i}"))}]"),
            4, "quá nhiều chủ đề"
        },
        // A link to a file that is not there reads like a file removed between listing the folder and reading it.
        { "unreadable (a broken link)", c => File.CreateSymbolicLink(Path.Combine(c.ArticlesDir, "bad.md"), "/nonexistent/x.md"), null, "không đọc được tệp" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Import_ReportsABadFile_AndStillLoadsTheOthers(string why, Action<ContentFolder> writeBadFile, int? line, string reason)
    {
        WriteThreeGoodFiles();
        writeBadFile(Content);

        var report = await Store.ImportAsync();

        Assert.Equal(3, report.Added);
        var problem = Assert.Single(report.Problems);
        Assert.Equal("articles/bad.md", problem.Path);
        Assert.Equal(line, problem.Line);
        Assert.Contains(reason, problem.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, await Store.QueryAsync(db => db.Articles.CountAsync(Ct)));
        var logged = Assert.Single(Store.Log.At(LogLevel.Error));
        Assert.Contains("articles/bad.md", logged, StringComparison.Ordinal);
        Assert.Contains(problem.Reason, logged, StringComparison.Ordinal);
        if (line is { } l)
        {
            Assert.Contains(l.ToString(System.Globalization.CultureInfo.InvariantCulture), logged, StringComparison.Ordinal);
        }
        Assert.NotEmpty(why);
    }

    [Fact]
    public async Task Import_TakesAFileAtEveryLimitOfTheAdminForm_AndTheFormSavesItUnchanged()
    {
        static string Padded(string start, int length) => start + new string('a', length - start.Length);
        // Fifteen tags, one of the longest a tag may be, whose list in the form's one field is exactly as long as it takes.
        var tags = Enumerable.Range(1, ArticleLimits.MaxTags - 1)
            .Select(i => Padded($"Chủ đề {i} ", i <= 4 ? 63 : 62))
            .Prepend(Padded("Hợp tác ", ArticleLimits.MaxTagLength))
            .ToList();
        Content.Write("a.md", $"""
            title: "{Padded("Hội nghị ", ArticleLimits.MaxTitleLength)}"
            date: 2023-12-17
            summary: "{Padded("Sapo ", ArticleLimits.MaxSummaryLength)}"
            tags: [{string.Join(", ", tags.Select(t => $"\"{t}\""))}]
            source: "{Padded("Nguồn ", ArticleLimits.MaxSourceLength)}"
            source_url: "{Padded("https://nhandan.vn/", ArticleLimits.MaxSourceUrlLength)}"
            author: "{Padded("Tác giả ", ArticleLimits.MaxAuthorLength)}"
            """);

        var report = await Store.ImportAsync();

        Assert.Equal((1, 0), (report.Added, report.Failed));
        var form = ArticleForm.From(Assert.Single(await ArticlesAsync()), Store.Clock.Now.UtcDateTime);
        Assert.Equal(ArticleLimits.MaxTagListLength, form.Tags!.Length);
        var refusals = new List<ValidationResult>();
        Assert.True(Validator.TryValidateObject(form, new ValidationContext(form), refusals, validateAllProperties: true), string.Join("; ", refusals));
    }

    [Fact]
    public async Task Import_RefusesARawText_WhoseArticleIsLongerThanTheAdminFormTakes()
    {
        var paragraphs = Enumerable.Range(1, 2_500)
            .Select(i => $"Đoạn {i}: hai nước nhất trí tăng cường hợp tác kinh tế, thương mại và đầu tư trong khu vực.\n\n");
        File.WriteAllText(Path.Combine(Content.ArticlesDir, "long.txt"), "Hợp tác Việt Nam - Nhật Bản\n\n" + string.Concat(paragraphs));

        var report = await Store.ImportAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Equal("articles/long.txt", problem.Path);
        Assert.Contains("quá dài", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await Store.QueryAsync(db => db.Articles.CountAsync(Ct)));
    }

    [Fact]
    public async Task Import_ReportsEachRawText_WhenTheCleaningRulesCannotBeRead_AndLoadsTheOthers()
    {
        WriteThreeGoodFiles();
        File.WriteAllText(Path.Combine(Content.ArticlesDir, "raw.txt"), "Hợp tác Việt Nam - Nhật Bản\n\nHai nước nhất trí tăng cường hợp tác.\n");
        await using var db = Store.Open();
        var withoutRules = new RawTextDrafts(Path.Combine(Content.Root, "no-such-folder"));

        var report = await new ContentImporter(db, Store.Clock, withoutRules, Store.Log).ImportAsync(Content.Root, Ct);

        Assert.Equal(3, report.Added);
        var problem = Assert.Single(report.Problems);
        Assert.Equal("articles/raw.txt", problem.Path);
        Assert.Contains("cleaning", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_LogsAOneLineSummary()
    {
        WriteThreeGoodFiles();
        Content.Write("bad.md", "date: 2023-12-17");
        await Store.ImportAsync();
        var summary = Assert.Single(Store.Log.At(LogLevel.Information), m => m.StartsWith("Content import", StringComparison.Ordinal));
        Assert.Contains("3 added", summary, StringComparison.Ordinal);
        Assert.Contains("1 failed", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_RefusesADuplicateExplicitSlug_NamingTheFileThatHasIt()
    {
        Content.WriteArticle("a.md", "Bài thứ nhất", "2023-12-17", extra: "slug: hoi-nghi");
        Content.WriteArticle("b.md", "Bài thứ hai", "2023-12-18", extra: "slug: hoi-nghi");

        var report = await Store.ImportAsync();

        Assert.Equal(1, report.Added);
        var problem = Assert.Single(report.Problems);
        Assert.Equal("articles/b.md", problem.Path);
        Assert.Contains("hoi-nghi", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("articles/a.md", problem.Reason, StringComparison.Ordinal);
        Assert.Equal("Bài thứ nhất", (await ArticlesAsync()).Single().Title);
    }

    [Fact]
    public async Task Import_GivesACollidingDerivedSlugANumericSuffix_AndKeepsItOnReimport()
    {
        Content.WriteArticle("a.md", "Hội nghị cấp cao", "2023-12-17");
        Content.WriteArticle("b.md", "Hội nghị cấp cao!", "2023-12-18");
        Content.WriteArticle("c.md", "HỘI NGHỊ CẤP CAO", "2023-12-19");

        await Store.ImportAsync();
        var report = await Store.ImportAsync();

        Assert.Equal(3, report.Unchanged);
        Assert.Equal(["hoi-nghi-cap-cao", "hoi-nghi-cap-cao-2", "hoi-nghi-cap-cao-3"], (await ArticlesAsync()).Select(a => a.Slug));
    }

    [Fact]
    public async Task Import_KeepsAnArticleEditedInTheAdminArea_AndCountsTheConflict()
    {
        WriteThreeGoodFiles();
        await Store.ImportAsync();
        await Store.QueryAsync(async db =>
        {
            var edited = await db.Articles.SingleAsync(a => a.OriginFile == "articles/a.md", Ct);
            edited.Title = "Tiêu đề do biên tập viên sửa";
            edited.EditedSinceImport = true;
            return await db.SaveChangesAsync(Ct);
        });

        Content.WriteArticle("a.md", "Tiêu đề mới trong tệp", "2023-12-17", "[ASEAN]");
        var report = await Store.ImportAsync();

        Assert.Equal((0, 0, 2, 1, 0), (report.Added, report.Updated, report.Unchanged, report.Conflicts, report.Failed));
        var article = (await ArticlesAsync()).Single(a => a.OriginFile == "articles/a.md");
        Assert.Equal("Tiêu đề do biên tập viên sửa", article.Title);
        Assert.Contains(Store.Log.At(LogLevel.Warning), m => m.Contains("articles/a.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_StoresADraftAsADraft()
    {
        Content.WriteArticle("draft.md", "Bản nháp", "2023-12-17", extra: "draft: true");
        // Nothing written yet: a draft may be front matter alone.
        Content.Write("undated-draft.md", "title: Bản nháp chưa có ngày\ndraft: true", body: "");

        var report = await Store.ImportAsync();

        Assert.Equal(2, report.Added);
        Assert.All(await ArticlesAsync(), a => Assert.Equal(ArticleStatus.Draft, a.Status));
        Assert.Empty(await Store.QueryAsync(db => db.Articles.VisibleToReaders(Store.Clock.GetUtcNow().UtcDateTime).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Import_MakesOneTagRow_ForATagSharedAcrossFiles()
    {
        Content.WriteArticle("a.md", "Bài một", "2023-12-17", "[Nhật Bản, ASEAN]");
        Content.WriteArticle("b.md", "Bài hai", "2023-12-18", "[nhật bản, Việt Nam]");
        Content.WriteArticle("c.md", "Bài ba", "2023-12-19", "[\"Nhật Bản\", \"NHẬT BẢN\"]");

        await Store.ImportAsync();

        var tags = await Store.QueryAsync(db => db.Tags.Include(t => t.Articles).ToListAsync(Ct));
        var japan = Assert.Single(tags, t => t.Slug == "nhat-ban");
        Assert.Equal("Nhật Bản", japan.Name);
        Assert.Equal(3, japan.Articles.Count);
        Assert.Equal(3, tags.Count);
    }

    [Fact]
    public async Task Import_FindsTheFileAgain_AfterAnEarlierBadVersionWasFixed()
    {
        Content.Write("a.md", "date: 2023-12-17");
        Assert.Single((await Store.ImportAsync()).Problems);

        Content.WriteArticle("a.md", "Đã sửa", "2023-12-17");
        var report = await Store.ImportAsync();

        Assert.Equal((1, 0), (report.Added, report.Failed));
    }

    [Fact]
    public async Task Import_SkipsAPurgedArticlesFile_AndLogsIt_EvenAfterTheFileChanged()
    {
        WriteThreeGoodFiles();
        await Store.ImportAsync();
        await Store.QueryAsync(async db =>
        {
            var editor = new ArticleEditor(db, Store.Clock, new AuditLog(db, Store.Clock), NullLogger<ArticleEditor>.Instance);
            var article = await db.Articles.AsNoTracking().SingleAsync(a => a.OriginFile == "articles/a.md", Ct);
            Assert.IsType<EditOutcome.Saved>(await editor.TrashAsync(article.Id, article.Version, "admin@tin.example.vn", Ct));
            db.ChangeTracker.Clear();
            return await editor.PurgeAsync(article.Id, "admin@tin.example.vn", Ct);
        });

        var unchanged = await Store.ImportAsync();
        Content.WriteArticle("a.md", "Tiêu đề mới sau khi bài bị xóa", "2023-12-17");
        var changed = await Store.ImportAsync();

        Assert.Equal((0, 0, 2, 0), (unchanged.Added, unchanged.Updated, unchanged.Unchanged, unchanged.Failed));
        Assert.Equal(["articles/a.md"], unchanged.SkippedAsPurged);
        Assert.Equal((0, 0, 2, 0), (changed.Added, changed.Updated, changed.Unchanged, changed.Failed));
        Assert.Equal(["articles/a.md"], changed.SkippedAsPurged);
        Assert.False(await Store.QueryAsync(db => db.Articles.AnyAsync(a => a.OriginFile == "articles/a.md", Ct)));
        Assert.Contains(Store.Log.At(LogLevel.Information), m => m.Contains("articles/a.md", StringComparison.Ordinal) && m.Contains("purged by an editor", StringComparison.Ordinal));
        var warning = Assert.Single(Store.Log.At(LogLevel.Warning));
        Assert.Contains("articles/a.md", warning, StringComparison.Ordinal);
        Assert.Contains("changed since", warning, StringComparison.Ordinal);
        Assert.Contains(Store.Log.At(LogLevel.Information), m => m.StartsWith("Content import", StringComparison.Ordinal) && m.Contains("1 skipped as purged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_ReportsNothingAndAddsNothing_ForAnEmptyFolder()
    {
        var report = await Store.ImportAsync();
        Assert.Equal((0, 0, 0, 0), (report.Added, report.Updated, report.Unchanged, report.Failed));
    }
}
