using System.Diagnostics;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AseanJapanNews.Tests.Content;

/// <summary>Every class of broken file is refused alone, with its line and reason, and costs its reading only once.</summary>
public sealed class BrokenFileImportTests : DatabaseTest
{
    private void WriteBroken(string name) => File.WriteAllBytes(Path.Combine(Store.Content.ArticlesDir, "broken.md"), BrokenFiles.Bytes(name));

    [Theory]
    [MemberData(nameof(BrokenFiles.Cases), MemberType = typeof(BrokenFiles))]
    public async Task ABrokenFile_IsRefusedWithItsReason_AndTheFilesBesideItImport(string name)
    {
        Store.Content.WriteArticle("a.md", "Bài trước", "2023-12-16");
        WriteBroken(name);
        Store.Content.WriteArticle("z.md", "Bài sau", "2023-12-18");

        var report = await Store.ImportAsync();

        Assert.Equal(2, report.Added);
        var problem = Assert.Single(report.Problems);
        Assert.Equal("articles/broken.md", problem.Path);
        Assert.DoesNotContain(ArticleFileFormat.UnexpectedFailure, problem.Reason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.Reason));
        Assert.Contains(Store.Log.At(LogLevel.Error), m => m.Contains("articles/broken.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllBrokenFilesAtOnce_ImportInBoundedTime_AndEachIsNamed()
    {
        foreach (var name in BrokenFiles.Names)
        {
            File.WriteAllBytes(Path.Combine(Store.Content.ArticlesDir, $"{name}.md"), BrokenFiles.Bytes(name));
        }
        Store.Content.WriteArticle("good.md", "Bài tốt", "2023-12-18");

        var report = await Store.ImportAsync();

        Assert.Equal(1, report.Added);
        Assert.Equal(
            BrokenFiles.Names.Select(n => $"articles/{n}.md").Order(StringComparer.Ordinal),
            report.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("unclosed-bracket-then-a-key", 2)]
    [InlineData("yaml-alias-in-tags", 5)]
    [InlineData("yaml-deep-brackets-under-the-size-limit", 4)]
    [InlineData("markdown-128-quotes", 6)]
    [InlineData("markdown-100-level-list", 38)]
    public async Task TheRefusal_NamesTheLineOfTheProblem(string name, int line)
    {
        WriteBroken(name);

        var report = await Store.ImportAsync();

        Assert.Equal(line, Assert.Single(report.Problems).Line);
    }

    [Fact]
    public async Task ARefusedFile_IsNotReadAgain_WhileUnchanged()
    {
        WriteBroken("markdown-25000-unclosed-links");
        var first = await Store.ImportAsync();

        var second = await Store.ImportAsync();

        Assert.Equal(Assert.Single(first.Problems), Assert.Single(second.Problems));
        Assert.Contains(Store.Log.At(LogLevel.Error), m => m.Contains("not read again", StringComparison.Ordinal));
        var row = Assert.Single(await Store.QueryAsync(db => db.RefusedFiles.ToListAsync(Ct)));
        Assert.Equal(("articles/broken.md", first.Problems[0].Reason), (row.Path, row.Reason));
    }

    [Fact]
    public async Task ARefusedFile_IsReadAgain_WhenItChanges_AndForgottenOnceItImports()
    {
        WriteBroken("empty-front-matter");
        await Store.ImportAsync();
        Store.Content.Write("broken.md", "title: \"Đã sửa\"\ndate: 2023-12-17", "Thân bài.");

        var report = await Store.ImportAsync();

        Assert.Equal((1, 0), (report.Added, report.Failed));
        Assert.Empty(await Store.QueryAsync(db => db.RefusedFiles.ToListAsync(Ct)));
    }

    [Fact]
    public async Task ARefusedFile_ThatIsRemoved_IsForgotten()
    {
        WriteBroken("empty-front-matter");
        await Store.ImportAsync();
        File.Delete(Path.Combine(Store.Content.ArticlesDir, "broken.md"));

        await Store.ImportAsync();

        Assert.Empty(await Store.QueryAsync(db => db.RefusedFiles.ToListAsync(Ct)));
    }

    [Fact]
    public async Task ARefusalThatDependsOnTheDatabase_IsNotRemembered()
    {
        Store.Content.WriteArticle("a.md", "Một", "2023-12-16", extra: "slug: trung-nhau");
        Store.Content.WriteArticle("b.md", "Hai", "2023-12-16", extra: "slug: trung-nhau");

        var report = await Store.ImportAsync();

        Assert.Equal("articles/b.md", Assert.Single(report.Problems).Path);
        Assert.Empty(await Store.QueryAsync(db => db.RefusedFiles.ToListAsync(Ct)));
    }

    [Fact]
    public async Task TheDeepYamlThatTook37Seconds_IsRefusedInAFractionOfOne()
    {
        WriteBroken("yaml-deep-brackets");
        var clock = Stopwatch.StartNew();

        var report = await Store.ImportAsync();

        // A hang guard, not a performance claim: this file alone cost 36.7 s before the depth limit.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal("articles/broken.md", Assert.Single(report.Problems).Path);
    }
}
