using System.Net;
using AseanJapanNews.Tests.Content;
using AseanJapanNews.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Tests.Controllers;

/// <summary>Bad files in the content folder are skipped at start-up; the site starts and serves the rest.</summary>
public sealed class StartupWithBadContentTests : IAsyncLifetime
{
    private readonly NewsAppFactory app = new();

    public ValueTask InitializeAsync()
    {
        var c = app.Content;
        c.Write("bad-yaml.md", "title: A\ndate: 2023-12-17\nsummary: Hai bên: nhất trí");
        c.Write("no-title.md", "date: 2023-12-17");
        c.Write("bad-date.md", "title: Ngày sai\ndate: 17/12/2023");
        c.Write("placeholder-date.md", "title: Ngày giữ chỗ\ndate: 0001-01-01");
        // Sorts after the launch file, so the launch article claims its slug first (import goes in file-name order).
        c.WriteArticle("zz-duplicate-slug.md", "Trùng slug", "2023-12-18", extra: $"slug: {LaunchContent.Upgrade}");
        File.WriteAllBytes(Path.Combine(c.ArticlesDir, "latin1.md"), [.. "---\ntitle: Vi"u8, 0xEA, .. "t\ndate: 2023-12-17\n---\n"u8]);
        c.Write("huge.md", "title: Quá lớn\ndate: 2023-12-17", new string('x', 1024 * 1024 + 1));
        File.WriteAllText(Path.Combine(c.ArticlesDir, "no-front-matter.md"), "Chỉ có nội dung.\n");
        File.CreateSymbolicLink(Path.Combine(c.ArticlesDir, "broken-link.md"), "/nonexistent/x.md");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Site_Starts_AndServesTheGoodArticles_WhenSomeFilesAreBad()
    {
        var home = await HtmlPage.GetAsync(app.Client(), "/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal(LaunchContent.NewestFirst, home.ArticleSlugs);
        Assert.Equal(HttpStatusCode.OK, (await HtmlPage.GetAsync(app.Client(), "/healthz")).Status);
        Assert.Equal(LaunchContent.Articles[LaunchContent.Upgrade].Title,
            (await HtmlPage.GetAsync(app.Client(), $"/articles/{LaunchContent.Upgrade}")).Text("h1"));
        Assert.Equal(5, await app.WithDbAsync(db => db.Articles.CountAsync(TestContext.Current.CancellationToken)));
    }

    /// <summary>One site per class of file that crashed the import (the web app aborted before listening, exit 134).</summary>
    [Theory]
    [MemberData(nameof(BrokenFiles.Cases), MemberType = typeof(BrokenFiles))]
    public async Task Site_Starts_WithEachClassOfBrokenFile(string name)
    {
        await using var site = new NewsAppFactory();
        File.WriteAllBytes(Path.Combine(site.Content.ArticlesDir, "broken.md"), BrokenFiles.Bytes(name));

        var home = await HtmlPage.GetAsync(site.Client(), "/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal(LaunchContent.NewestFirst, home.ArticleSlugs);
    }
}
