using System.Data.Common;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AseanJapanNews.Tests.Content;

/// <summary>An import that runs while editors work (the import command beside the site, a long start-up import).</summary>
public sealed class ImportAlongsideEditorsTests : DatabaseTest
{
    /// <summary>
    /// Runs an action once, on its own connection, when the importer is about to open its first batch transaction:
    /// it has read what the database knows (its state) and the files, and has staged nothing yet. That is the moment
    /// an editor's save during a long import lands in.
    /// </summary>
    private sealed class BeforeTheFirstBatch(Func<Task> action) : DbTransactionInterceptor
    {
        private bool done;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (!done)
            {
                done = true;
                await action();
            }
            return result;
        }
    }

    [Fact]
    public async Task Import_KeepsAnEditorsSave_MadeAfterTheImportReadItsState()
    {
        Store.Content.WriteArticle("a.md", "Tiêu đề gốc", "2023-12-17", "[ASEAN]");
        await Store.ImportAsync();
        var imported = await Store.QueryAsync(db => db.Articles.SingleAsync(Ct));
        Store.Content.WriteArticle("a.md", "Tiêu đề mới trong tệp", "2023-12-17", "[ASEAN]", body: "Nội dung mới trong tệp.");

        EditOutcome? editorsSave = null;
        var editorSaves = new BeforeTheFirstBatch(async () =>
        {
            await using var db = Store.Open();
            var editor = new ArticleEditor(db, Store.Clock, new AuditLog(db, Store.Clock), new CapturingLogger<ArticleEditor>());
            var changes = new ArticleChanges("Tiêu đề do biên tập viên sửa", imported.Slug, imported.Summary, "Nội dung của biên tập viên.",
                ["ASEAN"], imported.PublishedAtUtc, imported.PublishedTimeKnown, null, null, null);
            editorsSave = await editor.UpdateAsync(imported.Id, imported.Version, changes, SaveIntent.Keep, "bientap@example.vn", Ct);
        });
        await using var importerDb = Store.Open(editorSaves);
        var report = await new ContentImporter(importerDb, Store.Clock, new RawTextDrafts(RepoPaths.Content), Store.Log)
            .ImportAsync(Store.Content.Root, Ct);

        Assert.IsType<EditOutcome.Saved>(editorsSave);
        Assert.Equal((0, 1, 0), (report.Updated, report.Conflicts, report.Failed));
        var article = await Store.QueryAsync(db => db.Articles.SingleAsync(Ct));
        Assert.Equal(("Tiêu đề do biên tập viên sửa", "Nội dung của biên tập viên."), (article.Title, article.Body));
        Assert.True(article.EditedSinceImport);
        Assert.Contains(Store.Log.At(LogLevel.Warning), m => m.Contains("articles/a.md", StringComparison.Ordinal) && m.Contains("kept", StringComparison.Ordinal));
        // The file's text did not become a revision on top of the editor's either.
        Assert.Equal(["content-import", "bientap@example.vn"],
            await Store.QueryAsync(db => db.Revisions.Where(r => r.ArticleId == article.Id).OrderBy(r => r.Number).Select(r => r.SavedBy).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Import_SkipsAChangedFile_WhoseArticleWasPurgedMeanwhile_AndLoadsTheOthers()
    {
        Store.Content.WriteArticle("a.md", "Bài sẽ bị xoá", "2023-12-17");
        await Store.ImportAsync();
        var imported = await Store.QueryAsync(db => db.Articles.SingleAsync(Ct));
        Store.Content.WriteArticle("a.md", "Bài sẽ bị xoá (sửa trong tệp)", "2023-12-17");
        Store.Content.WriteArticle("b.md", "Bài mới", "2023-12-18");

        var adminPurges = new BeforeTheFirstBatch(async () =>
        {
            await using var db = Store.Open();
            var editor = new ArticleEditor(db, Store.Clock, new AuditLog(db, Store.Clock), new CapturingLogger<ArticleEditor>());
            Assert.IsType<EditOutcome.Saved>(await editor.TrashAsync(imported.Id, imported.Version, "admin@example.vn", Ct));
            Assert.IsType<EditOutcome.Saved>(await editor.PurgeAsync(imported.Id, "admin@example.vn", Ct));
        });
        await using var importerDb = Store.Open(adminPurges);
        var report = await new ContentImporter(importerDb, Store.Clock, new RawTextDrafts(RepoPaths.Content), Store.Log)
            .ImportAsync(Store.Content.Root, Ct);

        Assert.Equal((1, 0), (report.Added, report.Updated));
        var problem = Assert.Single(report.Problems);
        Assert.Equal("articles/a.md", problem.Path);
        Assert.Contains("xoá", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(["Bài mới"], await Store.QueryAsync(db => db.Articles.Select(a => a.Title).ToListAsync(Ct)));
    }
}
