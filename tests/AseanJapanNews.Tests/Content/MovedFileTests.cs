using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AseanJapanNews.Tests.Content;

/// <summary>A file renamed or moved in the content folder is the same article, not a second copy of it.</summary>
public sealed class MovedFileTests : DatabaseTest
{
    private ContentFolder Content => Store.Content;

    private Task<List<Article>> ArticlesAsync() =>
        Store.QueryAsync(db => db.Articles.OrderBy(a => a.Id).ToListAsync(Ct));

    private void Move(string from, string to)
    {
        var target = Path.Combine(Content.ArticlesDir, to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(Path.Combine(Content.ArticlesDir, from), target);
    }

    [Theory]
    [InlineData("", "b.md")]
    [InlineData("slug: hoi-nghi-cap-cao", "b.md")]
    [InlineData("", "2023/12/a.md")]
    public async Task Import_FollowsAMovedFile_WithTheSameArticle(string extra, string to)
    {
        Content.WriteArticle("a.md", "Hội nghị cấp cao", "2023-12-17", "[ASEAN]", extra);
        Content.WriteArticle("other.md", "Bài khác", "2023-12-18");
        await Store.ImportAsync();
        var before = (await ArticlesAsync())[0];

        Move("a.md", to);
        var report = await Store.ImportAsync();

        Assert.Equal((0, 1, 1, 0), (report.Added, report.Updated, report.Unchanged, report.Failed));
        var articles = await ArticlesAsync();
        Assert.Equal(2, articles.Count);
        var after = articles[0];
        Assert.Equal((before.Id, before.Slug, before.Version, before.UpdatedAtUtc), (after.Id, after.Slug, after.Version, after.UpdatedAtUtc));
        Assert.Equal($"articles/{to}", after.OriginFile);
        Assert.Contains(Store.Log.At(LogLevel.Information), m => m.Contains("articles/a.md", StringComparison.Ordinal)
            && m.Contains($"articles/{to}", StringComparison.Ordinal) && m.Contains("moved", StringComparison.Ordinal));

        // From now on the file is known under its new path.
        var again = await Store.ImportAsync();
        Assert.Equal((0, 0, 2, 0), (again.Added, again.Updated, again.Unchanged, again.Failed));
    }

    [Fact]
    public async Task Import_AddsACopy_OnlyWhenTheOriginalIsStillThere_AndAMovedFileKeepsItsArticle()
    {
        Content.WriteArticle("a.md", "Hội nghị cấp cao", "2023-12-17");
        await Store.ImportAsync();

        // a.md disappears and two files with its text appear: one is the moved file, the other a copy of it.
        Move("a.md", "b.md");
        File.Copy(Path.Combine(Content.ArticlesDir, "b.md"), Path.Combine(Content.ArticlesDir, "c.md"));
        var report = await Store.ImportAsync();

        Assert.Equal((1, 1, 0), (report.Added, report.Updated, report.Failed));
        Assert.Equal(
            [("hoi-nghi-cap-cao", "articles/b.md"), ("hoi-nghi-cap-cao-2", "articles/c.md")],
            (await ArticlesAsync()).Select(a => (a.Slug, a.OriginFile)));
    }

    [Fact]
    public async Task Import_MovesAnArticleAnEditorChanged_AndKeepsTheEditorsVersion()
    {
        Content.WriteArticle("a.md", "Tiêu đề trong tệp", "2023-12-17");
        await Store.ImportAsync();
        await Store.QueryAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(Ct);
            article.Title = "Tiêu đề do biên tập viên sửa";
            article.EditedSinceImport = true;
            return await db.SaveChangesAsync(Ct);
        });

        Move("a.md", "b.md");
        var report = await Store.ImportAsync();

        Assert.Equal((0, 1), (report.Added, report.Updated));
        var moved = Assert.Single(await ArticlesAsync());
        Assert.Equal(("Tiêu đề do biên tập viên sửa", true, "articles/b.md"), (moved.Title, moved.EditedSinceImport, moved.OriginFile));
    }
}
