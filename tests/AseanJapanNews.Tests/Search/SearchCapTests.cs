using System.Globalization;
using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Tests.Search;

/// <summary>A word found in more than 1,000 articles: every match is counted, the best 1,000 can be paged through.</summary>
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
    public async Task CommonWord_IsCountedTruly_AndThePagesStopAtAThousandResults()
    {
        await SeedAsync();
        var page = await HtmlPage.GetAsync(factory.Client(), "/search?q=" + Uri.EscapeDataString("kỳ lân"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // Every match counted: 1,005 numbered ones, the one with the words apart, and launch articles with both words.
        Assert.InRange(Count(page), 1006, 1006 + LaunchContent.NewestFirst.Length);
        var titles = page.Texts(".search-results .card-title");
        Assert.Equal(10, titles.Count);
        Assert.All(titles, t => Assert.StartsWith("Kỳ lân số", t, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await HtmlPage.GetAsync(factory.Client(), "/search?q=ky+lan&page=100")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await HtmlPage.GetAsync(factory.Client(), "/search?q=ky+lan&page=101")).Status);
    }

    /// <summary>The page's "1.008 kết quả" as a number.</summary>
    public static int Count(HtmlPage page) =>
        int.Parse(page.Text(".result-count").Replace(" kết quả", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [Fact]
    public async Task FewMatches_AreCountedExactly()
    {
        await SeedAsync();
        var page = await HtmlPage.GetAsync(factory.Client(), "/search?q=" + Uri.EscapeDataString("kỳ lân số 1005"));
        Assert.Equal("1 kết quả", page.Text(".result-count"));
    }
}
