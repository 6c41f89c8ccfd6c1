using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static AseanJapanNews.Tests.Caching.CacheTestSupport;

namespace AseanJapanNews.Tests.Caching;

/// <summary>
/// A change evicts the cached pages that show the changed article (its page, the lists it is or comes to be on, its
/// neighbours' pages) and leaves every other cached page alone: a newsroom saving all day keeps a warm cache.
/// </summary>
public sealed class PreciseEvictionTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int PageSize => app.Services.GetRequiredService<IOptions<NewsOptions>>().Value.PageSize;

    /// <summary>Newer articles than <paramref name="at"/>, enough to push it off the home page's first page.</summary>
    private async Task FillHomeAsync(string word, DateTimeOffset at)
    {
        for (var i = 0; i <= PageSize; i++)
        {
            await CreateAsync(app, Changes($"Tin {word} số {i}", $"Tin {word}", at.AddMinutes(i + 1)), SaveIntent.Publish);
        }
    }

    [Fact]
    public async Task EditedText_ReachesEveryPageShowingTheArticle_AndNoOtherPageIsEvicted()
    {
        using var reader = app.Client();
        var longAgo = app.Clock.Now.AddYears(-3);
        var edited = await CreateAsync(app, Changes("Rùa biển đẻ trứng ở Côn Đảo", "Rùa biển", longAgo), SaveIntent.Publish);
        var neighbour = await CreateAsync(app, Changes("Rùa biển con về với biển", "Rùa biển", longAgo.AddHours(1)), SaveIntent.Publish);
        var other = await CreateAsync(app, Changes("Hổ Đông Dương ở Pù Mát", "Hổ Đông Dương", app.Clock.Now.AddYears(-2)), SaveIntent.Publish);
        await FillHomeAsync("rừng ngập mặn", app.Clock.Now.AddDays(-1));
        string[] showing = [$"/articles/{await SlugAsync(app, edited)}", $"/articles/{await SlugAsync(app, neighbour)}", "/tags/rua-bien"];
        string[] notShowing = [$"/articles/{await SlugAsync(app, other)}", "/tags/ho-dong-duong", "/", "/tags", "/archive"];
        foreach (var url in showing.Concat(notShowing))
        {
            await WarmAsync(reader, url);
        }

        await UpdateAsync(app, edited, Changes("Rùa biển xanh đẻ trứng ở Côn Đảo", "Rùa biển", longAgo));

        foreach (var url in showing)
        {
            var page = await FetchAsync(reader, url);
            Assert.False(page.FromCache, $"{url} shows the article and was served stale");
            Assert.Contains("Rùa biển xanh đẻ trứng ở Côn Đảo", page.Body, StringComparison.Ordinal);
        }
        foreach (var url in notShowing)
        {
            Assert.True((await FetchAsync(reader, url)).FromCache, $"{url} does not show the article, yet was evicted");
        }
    }

    [Fact]
    public async Task NewArticle_EntersTheHomeItsTopicsItsMonthAndItsNeighboursPage_AndOtherTopicsStayCached()
    {
        using var reader = app.Client();
        var older = await CreateAsync(app, Changes("Sao la trong bẫy ảnh", "Sao la", app.Clock.Now.AddMinutes(-30)), SaveIntent.Publish);
        var unrelated = await CreateAsync(app, Changes("Cò thìa ở Xuân Thủy", "Cò thìa", app.Clock.Now.AddYears(-4)), SaveIntent.Publish);
        var newest = await app.WithDbAsync(db => db.Articles.VisibleToReaders(app.Clock.Now.UtcDateTime)
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id).Select(a => a.Slug).FirstAsync(Ct));
        var local = app.Clock.Now.ToOffset(TimeSpan.FromHours(7));
        var month = $"/archive/{local.Year}/{local.Month:00}";
        string[] entered = ["/", "/articles", "/tags/sao-la", month, "/feed.xml", $"/articles/{newest}"];
        string[] untouched = ["/tags/co-thia", $"/articles/{await SlugAsync(app, unrelated)}", $"/archive/{local.Year - 4}"];
        foreach (var url in entered.Concat(untouched))
        {
            await WarmAsync(reader, url);
        }

        await CreateAsync(app, Changes("Sao la lần đầu được quay phim", "Sao la", app.Clock.Now.AddMinutes(-1)), SaveIntent.Publish);

        foreach (var url in entered)
        {
            Assert.Contains("Sao la lần đầu được quay phim", (await FetchAsync(reader, url)).Body, StringComparison.Ordinal);
        }
        foreach (var url in untouched)
        {
            Assert.True((await FetchAsync(reader, url)).FromCache, $"{url} cannot show the new article, yet was evicted");
        }
        Assert.NotEqual(0, older);
    }

    [Fact]
    public async Task TrashedArticle_LeavesItsTopicAndItsNeighbours_AndOtherTopicsStayCached()
    {
        using var reader = app.Client();
        var at = app.Clock.Now.AddYears(-5);
        var before = await CreateAsync(app, Changes("Voi châu Á ở Đắk Lắk", "Voi châu Á", at), SaveIntent.Publish);
        var trashed = await CreateAsync(app, Changes("Voi châu Á được cứu hộ", "Voi châu Á, Cứu hộ", at.AddHours(1)), SaveIntent.Publish);
        var other = await CreateAsync(app, Changes("Gấu ngựa ở Tam Đảo", "Gấu ngựa", at.AddYears(1)), SaveIntent.Publish);
        string[] showing = ["/tags/voi-chau-a", "/tags/cuu-ho", $"/articles/{await SlugAsync(app, before)}"];
        string[] notShowing = ["/tags/gau-ngua", $"/articles/{await SlugAsync(app, other)}"];
        foreach (var url in showing.Concat(notShowing))
        {
            await WarmAsync(reader, url);
        }

        await TrashAsync(app, trashed);

        Assert.DoesNotContain("Voi châu Á được cứu hộ", (await FetchAsync(reader, "/tags/voi-chau-a")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(reader, "/tags/cuu-ho")).Status);
        Assert.DoesNotContain("Voi châu Á được cứu hộ", (await FetchAsync(reader, $"/articles/{await SlugAsync(app, before)}")).Body, StringComparison.Ordinal);
        foreach (var url in notShowing)
        {
            Assert.True((await FetchAsync(reader, url)).FromCache, $"{url} never showed the article, yet was evicted");
        }
    }

    [Fact]
    public async Task DraftSaves_EvictNothing()
    {
        using var reader = app.Client();
        await CreateAsync(app, Changes("Chim trĩ sao ở Bạch Mã", "Chim trĩ sao", app.Clock.Now.AddDays(-3)), SaveIntent.Publish);
        string[] urls = ["/", "/tags/chim-tri-sao", "/tags"];
        foreach (var url in urls)
        {
            await WarmAsync(reader, url);
        }

        var draft = await CreateAsync(app, Changes("Bản nháp về chim trĩ sao", "Chim trĩ sao", app.Clock.Now.AddDays(-1)), SaveIntent.Keep);
        await UpdateAsync(app, draft, Changes("Bản nháp thứ hai về chim trĩ sao", "Chim trĩ sao, Bạch Mã", app.Clock.Now.AddDays(-1)));

        foreach (var url in urls)
        {
            Assert.True((await FetchAsync(reader, url)).FromCache, $"{url} was evicted by a draft");
        }
    }

    [Fact]
    public async Task EverySaveReadersCanSee_IsLoggedOnce_WithWhatItMoved()
    {
        var before = await app.WithDbAsync(db => ChangeLog.LatestIdAsync(db, Ct));
        var at = app.Clock.Now.AddDays(-10);
        var id = await CreateAsync(app, Changes("Cá heo ở Côn Đảo", "Cá heo", at), SaveIntent.Publish);
        await UpdateAsync(app, id, Changes("Đàn cá heo ở Côn Đảo", "Cá heo", at));
        await UpdateAsync(app, id, Changes("Đàn cá heo ở Côn Đảo", "Cá heo, Côn Đảo", at));
        await TrashAsync(app, id);

        var logged = await app.WithDbAsync(db => db.ChangeLog.Where(c => c.Id > before).OrderBy(c => c.Id).ToListAsync(Ct));
        Assert.Equal(
            [(id, ChangeKind.Placement), (id, ChangeKind.Content), (id, ChangeKind.Placement), (id, ChangeKind.Placement)],
            logged.Select(c => (c.ArticleId!.Value, c.Kind)));
    }
}
