using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>The content folder and the admin area: edits survive the importer, and export→import loses nothing.</summary>
public sealed class ContentRoundTripTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private const string EditedFile = "articles/asean-va-nhat-ban-cam-ket-tang-cuong-quan-he-doi-tac-chien-luoc.md";
    private const string UntouchedFile = "articles/thu-tuong-ket-noi-la-dong-luc-cho-hop-tac-asean-nhat.md";

    private async Task<ImportReport> RunImporterAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var paths = scope.ServiceProvider.GetRequiredService<NewsPaths>();
        return await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(paths.ContentFolder, TestContext.Current.CancellationToken);
    }

    private Task<Article> ImportedAsync(string file) => app.WithDbAsync(db => db.Articles.AsNoTracking()
        .SingleAsync(a => a.OriginFile == file, TestContext.Current.CancellationToken));

    [Fact]
    public async Task AnImportedArticleEditedInTheAdminAreaIsKept_WhenItsFileChanges_AndTheImporterReportsTheConflict()
    {
        var editor = await app.SignInAsEditorAsync();
        var edited = await ImportedAsync(EditedFile);
        await editor.SubmitAsync($"/admin/articles/{edited.Id}", new Dictionary<string, string?> { ["Form.Summary"] = "Sapo do biên tập viên viết lại." }, button: "save");
        File.AppendAllText(Path.Combine(app.Content.Root, EditedFile), "\nĐoạn mới thêm vào tệp.\n");
        File.AppendAllText(Path.Combine(app.Content.Root, UntouchedFile), "\nĐoạn mới thêm vào tệp.\n");

        var report = await RunImporterAsync();

        Assert.Equal(1, report.Conflicts);
        Assert.Equal(1, report.Updated);
        var kept = await ImportedAsync(EditedFile);
        Assert.Equal("Sapo do biên tập viên viết lại.", kept.Summary);
        Assert.DoesNotContain("Đoạn mới thêm vào tệp.", kept.Body, StringComparison.Ordinal);
        Assert.EndsWith("Đoạn mới thêm vào tệp.", (await ImportedAsync(UntouchedFile)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporting_AndImportingIntoAnEmptyDatabaseGivesTheSameArticlesTagsDates_AndStates()
    {
        var editor = await app.SignInAsEditorAsync();
        await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bản nháp để xuất", body: "Nháp.\n\n## Phụ đề\n\nĐoạn hai.", tags: "Xuất, Nháp xuất"), button: "save");
        await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài hẹn giờ để xuất", tags: "Xuất", date: "2024-07-01", time: "07:45"), button: "publish");
        var dated = await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài chỉ có ngày để xuất", tags: "Xuất", date: "2024-05-20"), button: "publish");
        await editor.SubmitAsync($"/admin/articles/{dated.ArticleId}", new Dictionary<string, string?>
        {
            ["Form.Author"] = "Nguyễn Văn A", ["Form.Source"] = "Báo Thử", ["Form.SourceUrl"] = "https://bao.example.vn/bai?id=1&x=\"2\"",
            ["Form.Summary"] = "Sapo có \"ngoặc kép\" và dấu: hai chấm",
        }, button: "save");
        var trashed = (await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài trong thùng rác không xuất"), button: "save")).ArticleId;
        await editor.SubmitAsync($"/admin/articles/{trashed}", new Dictionary<string, string?>(), formAction: $"/admin/articles/{trashed}/trash");

        await using var fresh = new NewsAppFactory();
        foreach (var file in Directory.GetFiles(fresh.Content.ArticlesDir))
        {
            File.Delete(file);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ArticleExporter>().ExportAsync(fresh.Content.Root, TestContext.Current.CancellationToken);
        }

        var original = await Snapshot(app);
        var imported = await Snapshot(fresh);

        Assert.DoesNotContain(original, a => a.Title == "Bài trong thùng rác không xuất");
        Assert.Contains(original, a => a.Title == "Bản nháp để xuất" && a.Status == ArticleStatus.Draft);
        Assert.Contains(original, a => a.Title == "Bài hẹn giờ để xuất" && a.Status == ArticleStatus.Published);
        Assert.Equal(original.Count, imported.Count);
        foreach (var (before, after) in original.Zip(imported))
        {
            Assert.Equal(before, after);
        }
    }

    private sealed record ArticleShape(
        string Slug, string Title, string Summary, string Body, DateTime? PublishedAtUtc, bool TimeKnown,
        ArticleStatus Status, string Tags, string? Author, string? Source, string? SourceUrl);

    private static Task<List<ArticleShape>> Snapshot(NewsAppFactory factory) => factory.WithDbAsync(async db =>
        (await db.Articles.AsNoTracking().Include(a => a.Tags).Where(a => a.Status != ArticleStatus.Trashed).ToListAsync(TestContext.Current.CancellationToken))
        .Select(a => new ArticleShape(a.Slug, a.Title, a.Summary, a.Body, a.PublishedAtUtc, a.PublishedTimeKnown, a.Status,
            string.Join(", ", a.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)), a.Author, a.SourceName, a.SourceUrl))
        .OrderBy(a => a.Slug, StringComparer.Ordinal)
        .ToList());
}
