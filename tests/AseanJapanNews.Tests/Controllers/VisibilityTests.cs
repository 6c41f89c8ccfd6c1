using System.Net;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Controllers;

/// <summary>Drafts and future-dated articles are invisible on every reader page.</summary>
public sealed class VisibilityTests : IAsyncLifetime
{
    // The clock starts at 2024-06-01 12:00 in Hanoi.
    private readonly NewsAppFactory app = new();

    public ValueTask InitializeAsync()
    {
        app.Content.WriteArticle("draft.md", "Bản nháp chưa duyệt", "2023-12-20", "[Bí mật, ASEAN]", "draft: true");
        app.Content.WriteArticle("future.md", "Tin hẹn giờ đăng", "2024-06-01T12:30:00+07:00", "[Hẹn giờ, ASEAN]");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private Task<HtmlPage> GetAsync(string url) => HtmlPage.GetAsync(app.Client(), url);

    private async Task AssertInvisibleAsync(string slug, string title, string tagName)
    {
        foreach (var url in new[] { "/", "/articles", "/articles?tag=asean", "/tags/asean", "/archive/2023", "/archive/2023/12", "/archive/2024", "/archive/2024/06" })
        {
            var page = await GetAsync(url);
            Assert.DoesNotContain(slug, page.ArticleSlugs);
            Assert.DoesNotContain(title, page.BodyText, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/articles/{slug}")).Status);
        var tags = await GetAsync("/tags");
        Assert.DoesNotContain(tagName, tags.BodyText, StringComparison.Ordinal);
        Assert.Contains("ASEAN 4 bài", tags.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_IsInvisibleEverywhere()
    {
        await AssertInvisibleAsync("ban-nhap-chua-duyet", "Bản nháp chưa duyệt", "Bí mật");
        Assert.DoesNotContain("Tháng 12 3 bài", (await GetAsync("/archive")).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FutureArticle_IsInvisibleEverywhere_UntilItsTime()
    {
        await AssertInvisibleAsync("tin-hen-gio-dang", "Tin hẹn giờ đăng", "Hẹn giờ");
        Assert.DoesNotContain("/archive/2024", (await GetAsync("/archive")).Hrefs("a"));
    }

    [Fact]
    public async Task FutureArticle_Appears_OnceTheClockPassesItsTime_WithoutARestart()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/articles/tin-hen-gio-dang")).Status);

        app.Clock.Now = new DateTimeOffset(2024, 6, 1, 12, 30, 0, TimeSpan.FromHours(7));

        var article = await GetAsync("/articles/tin-hen-gio-dang");
        Assert.Equal(HttpStatusCode.OK, article.Status);
        Assert.Equal("Thứ bảy, 01/06/2024, 12:30 (GMT+7)", article.Text(".dateline time"));
        Assert.Equal("tin-hen-gio-dang", (await GetAsync("/")).ArticleSlugs[0]);
        Assert.Contains("tin-hen-gio-dang", (await GetAsync("/archive/2024/06")).ArticleSlugs);
        Assert.Contains("Hẹn giờ 1 bài", (await GetAsync("/tags")).BodyText, StringComparison.Ordinal);
        Assert.Contains("ASEAN 5 bài", (await GetAsync("/tags")).BodyText, StringComparison.Ordinal);
        Assert.Contains("/archive/2024/06", (await GetAsync("/archive")).Hrefs("a"));
        // The draft stays a draft whatever the time.
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/articles/ban-nhap-chua-duyet")).Status);
    }
}

/// <summary>A topic, or a ?tag= filter, that readers cannot see is a 404 on every list page alike.</summary>
public sealed class HiddenTopicTests : IAsyncLifetime
{
    private readonly NewsAppFactory app = new();

    public ValueTask InitializeAsync()
    {
        app.Content.WriteArticle("draft.md", "Bản nháp về chủ đề kín", "2023-12-20", "[Chủ đề kín]", "draft: true");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Theory]
    [InlineData("/tags/chu-de-kin")]
    [InlineData("/tags/asean?tag=khong-ton-tai")]
    [InlineData("/archive/2023?tag=khong-ton-tai")]
    [InlineData("/articles?tag=khong-ton-tai")]
    public async Task TopicsReadersCannotSee_AreNotFound(string url)
    {
        var page = await HtmlPage.GetAsync(app.Client(), url);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("Chủ đề kín", page.BodyText, StringComparison.Ordinal);
    }
}
