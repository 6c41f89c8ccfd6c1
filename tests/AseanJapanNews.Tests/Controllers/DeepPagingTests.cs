using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Tests.Controllers;

/// <summary>
/// Pages of the whole list deeper than <see cref="ArticleLists.DeepPageRows"/> start at their month, found from the
/// memoized month counts. Walked page by page, the list must be exactly the visible articles, newest first: across
/// month ends in Vietnam time, ties of instant over a page break, and after the counts change.
/// </summary>
public sealed class DeepPagingTests : IAsyncLifetime
{
    private const int PageSize = 50;
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly NewsAppFactory app = new();

    public async ValueTask InitializeAsync()
    {
        app.Settings["News:PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            void Add(string slug, DateTimeOffset at, ArticleStatus status = ArticleStatus.Published) =>
                db.Articles.Add(TestArticles.Make(slug, at.UtcDateTime, slug: slug, status: status, savedAtUtc: now));

            // One every seven hours back from now: about 1,200 articles over a year, so page 21 on are deep.
            for (var i = 1; i <= 1_200; i++)
            {
                Add($"bai-{i:0000}", app.Clock.Now.AddHours(-7 * i));
            }
            // Month ends in Hanoi, not UTC: midnight of 1 December 2023 is 17:00 UTC on 30 November.
            var december = new DateTimeOffset(2023, 12, 1, 0, 0, 0, Hanoi);
            Add("dau-thang-12", december);
            Add("cuoi-thang-11", december.AddTicks(-10)); // EF keeps 7 decimal places
            Add("cuoi-thang-11-utc", new DateTimeOffset(2023, 11, 30, 23, 59, 0, TimeSpan.Zero)); // December in Hanoi
            // Eight at one instant: ties are ordered by id, over whichever page break they straddle.
            for (var i = 1; i <= 8; i++)
            {
                Add($"cung-luc-{i}", new DateTimeOffset(2023, 9, 10, 8, 0, 0, Hanoi));
            }
            // Never listed: a draft in a deep month, and one scheduled for tomorrow.
            Add("ban-nhap", new DateTimeOffset(2023, 10, 5, 8, 0, 0, Hanoi), ArticleStatus.Draft);
            Add("hen-gio", app.Clock.Now.AddDays(1));
            return await db.SaveChangesAsync(Ct);
        });
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private Task<List<string>> ExpectedAsync() => app.WithDbAsync(db => db.Articles
        .VisibleToReaders(app.Clock.GetUtcNow().UtcDateTime)
        .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
        .Select(a => a.Slug)
        .ToListAsync(Ct));

    private async Task<List<string>> ShownAsync()
    {
        var shown = new List<string>();
        for (var page = 1; ; page++)
        {
            var html = await HtmlPage.GetAsync(app.Client(), $"/?page={page}");
            if (html.Status == HttpStatusCode.NotFound)
            {
                return shown;
            }
            Assert.Equal(HttpStatusCode.OK, html.Status);
            shown.AddRange(html.ArticleSlugs);
        }
    }

    [Fact]
    public async Task EveryPage_ListsExactlyTheVisibleArticles_NewestFirst()
    {
        var expected = await ExpectedAsync();
        Assert.True(expected.Count > ArticleLists.DeepPageRows + 3 * PageSize, "the list must reach several deep pages");

        Assert.Equal(expected, await ShownAsync());
    }

    [Fact]
    public async Task DeepPages_FollowAnArticleDueNow_AndAnEditorsChange()
    {
        await ShownAsync(); // the month counts are memoized, and every page cached

        // The scheduled article becomes due: every later article moves one place down.
        app.Clock.Now = app.Clock.Now.AddDays(2);
        // An editor moves an article from last month back to a deep month, and drafts another one.
        await app.WithDbAsync(async db =>
        {
            var moved = await db.Articles.SingleAsync(a => a.Slug == "bai-0005", Ct);
            moved.PublishedAtUtc = new DateTimeOffset(2023, 8, 15, 9, 0, 0, Hanoi).UtcDateTime;
            var drafted = await db.Articles.SingleAsync(a => a.Slug == "bai-1100", Ct);
            drafted.Status = ArticleStatus.Draft;
            return await db.SaveChangesAsync(Ct);
        });

        var expected = await ExpectedAsync();
        Assert.Equal("hen-gio", expected[0]);
        Assert.Equal(expected, await ShownAsync());
    }
}
