using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Tests.Search;

/// <summary>A word found in more than 1,000 articles: at most 1,000 are ranked and counted, and the page says "hơn".</summary>
public sealed class SearchCapTests(NewsAppFactory factory) : IClassFixture<NewsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task SeedAsync()
    {
        await factory.WithDbAsync(async db =>
        {
            if (await db.Articles.AnyAsync(a => a.Slug == "ky-va-lan", Ct))
            {
                return 0;
            }
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 1; i <= 1005; i++)
            {
                var title = $"Kỳ lân số {i}";
                db.Articles.Add(TestArticles.Make(title, now.AddMinutes(-i), savedAtUtc: now));
            }
            // One with the words apart and without diacritics: matched, but never above the exact phrase.
            db.Articles.Add(TestArticles.Make("Ky nghe va lan can", now.AddDays(-1), slug: "ky-va-lan", savedAtUtc: now));
            return await db.SaveChangesAsync(Ct);
        });
    }

    [Fact]
    public async Task CommonWord_CountsAtMostAThousand_AndSaysMore()
    {
        await SeedAsync();
        var page = await HtmlPage.GetAsync(factory.Client(), "/search?q=" + Uri.EscapeDataString("kỳ lân"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("hơn 1.000 kết quả", page.Text(".result-count"));
        var titles = page.Texts(".search-results .card-title");
        Assert.Equal(10, titles.Count);
        Assert.All(titles, t => Assert.StartsWith("Kỳ lân số", t, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await HtmlPage.GetAsync(factory.Client(), "/search?q=ky+lan&page=100")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await HtmlPage.GetAsync(factory.Client(), "/search?q=ky+lan&page=101")).Status);
    }

    [Fact]
    public async Task FewMatches_AreCountedExactly()
    {
        await SeedAsync();
        var page = await HtmlPage.GetAsync(factory.Client(), "/search?q=" + Uri.EscapeDataString("kỳ lân số 1005"));
        Assert.Equal("1 kết quả", page.Text(".result-count"));
    }
}
