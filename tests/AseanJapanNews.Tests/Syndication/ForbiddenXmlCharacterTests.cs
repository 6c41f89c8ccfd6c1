using System.Net;
using System.Xml.Linq;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Tests.Syndication;

/// <summary>
/// Rows stored before input cleaning existed can hold characters XML 1.0 forbids (a Word paste's vertical tab, NULs);
/// the feeds and sitemaps leave them out rather than fail or write what no XML parser reads.
/// </summary>
public sealed class ForbiddenXmlCharacterTests(NewsAppFactory app) : IClassFixture<NewsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<int> StoreOldRowAsync() => app.WithDbAsync(async db =>
    {
        if (db.Articles.Any(a => a.Slug == "bao-so-3"))
        {
            return 0;
        }
        var at = new DateTime(2024, 5, 30, 3, 0, 0, DateTimeKind.Utc);
        db.Articles.Add(new Article
        {
            Slug = "bao-so-3", Title = "Bão\u000Bsố 3 đổ bộ\u0001 miền Trung", Summary = "Sapo\u0008 của bài cũ\u0000.",
            Body = "Đoạn một\u000B có tab dọc.\n\nĐoạn hai\u001F có ký tự điều khiển.", Author = "Phóng\u0002 viên",
            SourceName = "Báo\u000C cũ", SourceUrl = "https://bao-cu.example.vn/bai", Status = ArticleStatus.Published,
            PublishedAtUtc = at, CreatedAtUtc = at, UpdatedAtUtc = at,
            Tags = [new Tag { Name = "Bão\u000Blũ\u0007", Slug = "bao-lu", SortKey = "bao lu" }],
        });
        return await db.SaveChangesAsync(Ct);
    });

    [Theory]
    [InlineData("/feed.xml")]
    [InlineData("/atom.xml")]
    [InlineData("/tags/bao-lu/feed.xml")]
    [InlineData("/tags/bao-lu/atom.xml")]
    public async Task Feeds_StayWellFormed_WithoutTheForbiddenCharacters(string url)
    {
        await StoreOldRowAsync();

        using var response = await app.Client().GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = XDocument.Parse(body).ToString();
        Assert.Contains("Bão số 3 đổ bộ miền Trung", text, StringComparison.Ordinal);
        Assert.Contains("Phóng viên", text, StringComparison.Ordinal);
        Assert.Contains("Bão lũ", text, StringComparison.Ordinal);
        Assert.Contains("Đoạn hai có ký tự điều khiển", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sitemap.xml")]
    [InlineData("/sitemaps/pages.xml")]
    [InlineData("/sitemaps/articles-2024-05.xml")]
    public async Task Sitemaps_StayWellFormed(string url)
    {
        await StoreOldRowAsync();

        using var response = await app.Client().GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        XDocument.Parse(body);
    }
}
