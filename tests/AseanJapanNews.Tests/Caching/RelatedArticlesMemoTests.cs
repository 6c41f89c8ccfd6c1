using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Editorial;
using static AseanJapanNews.Tests.Caching.CacheTestSupport;

namespace AseanJapanNews.Tests.Caching;

/// <summary>The app with the output cache off, so what a test sees comes from the app's own memos, not the cache.</summary>
public sealed class UncachedAdminAppFactory : AdminAppFactory
{
    public UncachedAdminAppFactory()
    {
        Settings["News:OutputCache"] = "false";
    }
}

/// <summary>
/// "Đọc thêm" is memoized per article until reader content changes: an edit or a trash is on the next request of
/// every other article's page. Each test uses its own topics and words.
/// </summary>
public sealed class RelatedArticlesMemoTests(UncachedAdminAppFactory app) : IClassFixture<UncachedAdminAppFactory>
{
    private DateTimeOffset HoursAgo(int hours) => app.Clock.Now.AddHours(-hours);

    private async Task<IReadOnlyList<string>> RelatedAsync(HttpClient reader, int id) =>
        (await HtmlPage.GetAsync(reader, $"/articles/{await SlugAsync(app, id)}")).Texts(".related-list a");

    [Fact]
    public async Task EditThatChangesTags_ChangesTheRelatedList_OnTheNextRequest()
    {
        using var reader = app.Client();
        var main = await CreateAsync(app, Changes("Chim mỏ sừng về rừng Kon Ka Kinh", "Hồng hoàng", HoursAgo(3)), SaveIntent.Publish);
        var birds = await CreateAsync(app, Changes("Đàn sếu đầu đỏ ở Đồng Tháp", "Hồng hoàng", HoursAgo(4)), SaveIntent.Publish);
        var orchids = await CreateAsync(app, Changes("Lan hài đốm nở trên núi đá", "Lan hài", HoursAgo(5)), SaveIntent.Publish);

        var before = await RelatedAsync(reader, main);
        Assert.NotEmpty(before);
        Assert.Equal("Đàn sếu đầu đỏ ở Đồng Tháp", before[0]);
        Assert.DoesNotContain("Lan hài đốm nở trên núi đá", before);
        Assert.Equal(before, await RelatedAsync(reader, main));

        await UpdateAsync(app, main, Changes("Chim mỏ sừng về rừng Kon Ka Kinh", "Lan hài", HoursAgo(3)));

        var after = await RelatedAsync(reader, main);
        Assert.NotEmpty(after);
        Assert.Equal("Lan hài đốm nở trên núi đá", after[0]);
        Assert.DoesNotContain("Đàn sếu đầu đỏ ở Đồng Tháp", after);
        // The other side of the change too: the orchid article now lists this one.
        Assert.Contains("Chim mỏ sừng về rừng Kon Ka Kinh", await RelatedAsync(reader, orchids));
        Assert.DoesNotContain("Chim mỏ sừng về rừng Kon Ka Kinh", await RelatedAsync(reader, birds));
    }

    [Fact]
    public async Task TrashedArticle_DisappearsFromOthersRelatedLists_OnTheNextRequest()
    {
        using var reader = app.Client();
        var main = await CreateAsync(app, Changes("Rùa biển đẻ trứng ở Côn Đảo", "Rùa biển", HoursAgo(3)), SaveIntent.Publish);
        var other = await CreateAsync(app, Changes("Cứu hộ rùa biển mắc lưới", "Rùa biển", HoursAgo(4)), SaveIntent.Publish);
        var third = await CreateAsync(app, Changes("Thả rùa biển về đại dương", "Rùa biển", HoursAgo(5)), SaveIntent.Publish);

        var before = await RelatedAsync(reader, main);
        Assert.Contains("Cứu hộ rùa biển mắc lưới", before);
        Assert.Contains("Thả rùa biển về đại dương", before);
        Assert.Contains("Cứu hộ rùa biển mắc lưới", await RelatedAsync(reader, third));

        await TrashAsync(app, other);

        var after = await RelatedAsync(reader, main);
        Assert.DoesNotContain("Cứu hộ rùa biển mắc lưới", after);
        Assert.Contains("Thả rùa biển về đại dương", after);
        Assert.DoesNotContain("Cứu hộ rùa biển mắc lưới", await RelatedAsync(reader, third));
    }
}
