using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Editorial;
using static AseanJapanNews.Tests.Caching.CacheTestSupport;

namespace AseanJapanNews.Tests.Caching;

/// <summary>A scheduled article is published by the clock, not by a save: cached pages must still show it on its minute.</summary>
public sealed class ScheduledCacheTests : IAsyncLifetime
{
    private readonly NewsAppFactory app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task ScheduledArticle_AppearsOnItsMinute_ThoughTheHomePageWasCachedBefore()
    {
        using var reader = app.Client();
        var due = app.Clock.Now.AddMinutes(10);
        var id = await CreateAsync(app, Changes("Lễ hội pháo hoa quốc tế Đà Nẵng khai mạc", "Pháo hoa", due), SaveIntent.Publish);
        var slug = await SlugAsync(app, id);

        Assert.DoesNotContain("pháo hoa quốc tế", (await WarmAsync(reader, "/")).Body, StringComparison.Ordinal);
        await WarmAsync(reader, "/tags");
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(reader, $"/articles/{slug}")).Status);

        app.Clock.Now = due.AddSeconds(-1);
        Assert.DoesNotContain("pháo hoa quốc tế", (await FetchAsync(reader, "/")).Body, StringComparison.Ordinal);

        app.Clock.Now = due;
        Assert.Contains("pháo hoa quốc tế", (await FetchAsync(reader, "/")).Body, StringComparison.Ordinal);
        Assert.Contains("Pháo hoa", (await FetchAsync(reader, "/tags")).Body, StringComparison.Ordinal);
        Assert.Contains("pháo hoa quốc tế", (await FetchAsync(reader, "/feed.xml")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(reader, $"/articles/{slug}")).Status);
    }

    [Fact]
    public async Task WithOutputCacheOff_NothingIsServedFromTheCache()
    {
        await using var uncached = new NewsAppFactory();
        uncached.Settings["News:OutputCache"] = "false";
        using var reader = uncached.Client();
        await FetchAsync(reader, "/");
        var second = await FetchAsync(reader, "/");
        Assert.Equal((HttpStatusCode.OK, false), (second.Status, second.FromCache));
        Assert.NotNull(second.ETag);
    }
}
