using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Tests.Search;

/// <summary>
/// Exact-diacritic matches rank before every other match, not only before those among the best 1,000 by bm25: an
/// exact match found only in a body ranks below a thousand folded matches in titles, and must still lead.
/// </summary>
public sealed class SearchTiersBeyondCapTests(NewsAppFactory factory) : IClassFixture<NewsAppFactory>
{
    private const string Lion = "Chuyện rừng xanh";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task SeedAsync()
    {
        await factory.WithDbAsync(async db =>
        {
            if (await db.Articles.AnyAsync(a => a.Title == Lion, Ct))
            {
                return 0;
            }
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            // "su" and "tu" in every title, apart and without diacritics: title matches weigh ten times a body's.
            for (var i = 1; i <= 1005; i++)
            {
                var title = $"Su doan {i} tuong niem tu si";
                db.Articles.Add(TestArticles.Make(title, now.AddMinutes(-i), savedAtUtc: now));
            }
            // The only article with "sư tử" as written: in its body, and older.
            db.Articles.Add(TestArticles.Make(Lion, now.AddDays(-3), slug: "chuyen-rung-xanh", body: "Một con sư tử đi qua rừng.", savedAtUtc: now));
            return await db.SaveChangesAsync(Ct);
        });
    }

    [Fact]
    public async Task ExactMatchRankedLowByBm25_LeadsTheResults()
    {
        await SeedAsync();
        var page = await HtmlPage.GetAsync(factory.Client(), "/search?q=" + Uri.EscapeDataString("sư tử"));
        // Every match counted: the 1,005 seeded, the lion, and launch articles with both words.
        Assert.InRange(SearchCapTests.Count(page), 1006, 1006 + LaunchContent.NewestFirst.Length);
        Assert.Equal(Lion, page.Texts(".search-results .card-title")[0]);
    }

    [Fact]
    public async Task WithADateFilter_TheExactMatchStillLeads()
    {
        await SeedAsync();
        // A filter takes the other path: every match joined, the limit applied after the join.
        var from = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await HtmlPage.GetAsync(factory.Client(), $"/search?q={Uri.EscapeDataString("sư tử")}&from={from}");
        Assert.Equal(Lion, page.Texts(".search-results .card-title")[0]);
    }
}
