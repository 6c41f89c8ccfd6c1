using AseanJapanNews.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AseanJapanNews.Tests.Content;

/// <summary>Which files in the content folder the importer reads, and which it passes over.</summary>
public sealed class ContentFolderListingTests : DatabaseTest
{
    private ContentFolder Content => Store.Content;

    private Task<List<string?>> ImportedFilesAsync() =>
        Store.QueryAsync(db => db.Articles.Select(a => a.OriginFile).OrderBy(f => f).ToListAsync(Ct));

    private IEnumerable<string> LoggedAbove(LogLevel level) => Store.Log.Entries.Where(e => e.Level > level).Select(e => e.Message);

    [Fact]
    public async Task Import_PassesOverHiddenAndEditorTemporaryFiles_WithoutAWord()
    {
        // What editors, tools and git leave beside the articles: none of it is an article, none of it is a problem.
        Content.WriteArticle("a.md", "Hội nghị cấp cao", "2023-12-17");
        File.CreateSymbolicLink(Path.Combine(Content.ArticlesDir, ".#a.md"), "bientap@may-01.4242:1702800000"); // Emacs lock: a dangling link
        Content.WriteArticle(".a.md", "Bản ẩn", "2023-12-17");
        File.WriteAllText(Path.Combine(Content.ArticlesDir, ".a.md.swp"), "b0VIM 9.0");
        Content.WriteArticle("a.md~", "Bản sao lưu", "2023-12-17");
        Content.WriteArticle("#a.md#", "Bản tự lưu của Emacs", "2023-12-17");
        Content.WriteArticle("~$a.md", "Tệp khóa của trình soạn thảo văn phòng", "2023-12-17");
        Content.WriteArticle(".git/description.md", "Không phải bài", "2023-12-17");
        Content.WriteArticle("2023/.nhap/b.md", "Bài trong thư mục ẩn", "2023-12-17");
        // Names that only contain those marks are articles.
        Content.WriteArticle("2023/tin-so-1.v2.md", "Bài có dấu chấm trong tên", "2023-12-17");
        Content.WriteArticle("#asean.md", "Bài có dấu thăng đầu tên", "2023-12-17");
        Content.WriteArticle("asean~nhat.md", "Bài có dấu ngã trong tên", "2023-12-17");

        var report = await Store.ImportAsync();

        Assert.Equal((4, 0), (report.Added, report.Failed));
        Assert.Equal(["articles/#asean.md", "articles/2023/tin-so-1.v2.md", "articles/a.md", "articles/asean~nhat.md"], await ImportedFilesAsync());
        Assert.DoesNotContain(LoggedAbove(LogLevel.Information), m => m.Contains("a.md", StringComparison.Ordinal) || m.Contains(".git", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_DoesNotFollowFolderLinks_SoALoopImportsEveryFileOnce()
    {
        Content.WriteArticle("a.md", "Hội nghị cấp cao", "2023-12-17");
        Content.WriteArticle("2023/b.md", "Hợp tác ODA", "2023-12-18");
        Directory.CreateSymbolicLink(Path.Combine(Content.ArticlesDir, "2023", "loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(Content.ArticlesDir, "self"), Content.ArticlesDir);

        var report = await Store.ImportAsync();

        Assert.Equal((2, 0), (report.Added, report.Failed));
        Assert.Equal(["articles/2023/b.md", "articles/a.md"], await ImportedFilesAsync());
        // The operator who made a link is told it is not followed.
        var warnings = Store.Log.At(LogLevel.Warning).ToList();
        Assert.Contains(warnings, m => m.Contains("articles/2023/loop", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("articles/self", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_ReadsTheArticlesFolder_WhenItIsItselfALink()
    {
        // A deployment may keep the articles elsewhere and link content/articles to them.
        using var elsewhere = new TempFolder();
        var articles = new ContentFolder(elsewhere.Path);
        articles.WriteArticle("a.md", "Hội nghị cấp cao", "2023-12-17");
        Directory.Delete(Content.ArticlesDir);
        Directory.CreateSymbolicLink(Content.ArticlesDir, articles.ArticlesDir);

        var report = await Store.ImportAsync();

        Assert.Equal((1, 0), (report.Added, report.Failed));
        Assert.Equal(["articles/a.md"], await ImportedFilesAsync());
    }

    [Fact]
    public async Task Import_PassesOverAFileLinkToAnArticleInTheFolder_ButReadsOneToAFileElsewhere()
    {
        Content.WriteArticle("2023/a.md", "Hội nghị cấp cao", "2023-12-17");
        File.CreateSymbolicLink(Path.Combine(Content.ArticlesDir, "moi-nhat.md"), Path.Combine("2023", "a.md"));
        using var elsewhere = new TempFolder();
        var outside = new ContentFolder(elsewhere.Path);
        outside.WriteArticle("b.md", "Hợp tác ODA", "2023-12-18");
        File.CreateSymbolicLink(Path.Combine(Content.ArticlesDir, "b.md"), Path.Combine(outside.ArticlesDir, "b.md"));

        var report = await Store.ImportAsync();

        // A second path to an article in the folder would be a second, published copy of it.
        Assert.Equal((2, 0), (report.Added, report.Failed));
        Assert.Equal(["articles/2023/a.md", "articles/b.md"], await ImportedFilesAsync());
        Assert.Contains(Store.Log.At(LogLevel.Warning), m => m.Contains("articles/moi-nhat.md", StringComparison.Ordinal) && m.Contains("articles/2023/a.md", StringComparison.Ordinal));
    }
}
