using System.Net;
using System.Net.Http.Headers;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Editorial;
using Microsoft.Extensions.DependencyInjection;
using static AseanJapanNews.Tests.Caching.CacheTestSupport;

namespace AseanJapanNews.Tests.Caching;

/// <summary>
/// Reader pages are served from the output cache, and an editor's change (or an import) is on the very next
/// request of every page that shows it. Each test makes its own articles and topics with words no other test uses.
/// </summary>
public sealed class OutputCacheTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTimeOffset AnHourAgo => app.Clock.Now.AddHours(-1);

    [Fact]
    public async Task EditorChange_IsOnTheNextRequest_OfTheArticle_Home_TagPages_AndFeeds()
    {
        using var reader = app.Client();
        var id = await CreateAsync(app, Changes("Cá voi xanh trở lại vịnh", "Cá voi xanh, Biển Đông", AnHourAgo), SaveIntent.Publish);
        var slug = await SlugAsync(app, id);
        string[] urls = [$"/articles/{slug}", "/", "/tags/ca-voi-xanh", "/tags/bien-dong", "/feed.xml", "/tags/ca-voi-xanh/feed.xml", "/atom.xml"];
        foreach (var url in urls)
        {
            Assert.Contains("Cá voi xanh trở lại vịnh", (await WarmAsync(reader, url)).Body, StringComparison.Ordinal);
        }

        await UpdateAsync(app, id, Changes("Đàn cá voi xanh rời vịnh", "Cá voi xanh, Biển Đông", AnHourAgo));

        foreach (var url in urls)
        {
            var page = await FetchAsync(reader, url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("Đàn cá voi xanh rời vịnh", page.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Cá voi xanh trở lại vịnh", page.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EditorsRevision_IsWhatReadersAreToldChanged_OnThePageAndInTheFeed()
    {
        using var reader = app.Client();
        var id = await CreateAsync(app, Changes("Tê giác Java ở Cát Tiên", "Tê giác Java", app.Clock.Now.AddDays(-2)), SaveIntent.Publish);
        var url = $"/articles/{await SlugAsync(app, id)}";
        await WarmAsync(reader, url);

        await UpdateAsync(app, id, Changes("Tê giác Java cuối cùng ở Cát Tiên", "Tê giác Java", app.Clock.Now.AddDays(-2)));

        var revised = app.Clock.Now.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH':'mm':'sszzz", System.Globalization.CultureInfo.InvariantCulture);
        var page = await HtmlPage.GetAsync(reader, url);
        var ld = System.Text.Json.JsonDocument.Parse(page.Document.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal(revised, ld.GetProperty("dateModified").GetString());
        Assert.NotEqual(revised, ld.GetProperty("datePublished").GetString());
        Assert.Contains($"<updated>{revised}</updated>", (await FetchAsync(reader, "/tags/te-giac-java/atom.xml")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedSlug_OldAddressSendsReadersToTheNewOne_WhileTheArticleIsVisible()
    {
        using var reader = app.Client();
        var changes = Changes("Voi rừng ở Yók Đôn", "Voi rừng", AnHourAgo);
        var id = await CreateAsync(app, changes, SaveIntent.Publish);
        var old = $"/articles/{await SlugAsync(app, id)}";
        await WarmAsync(reader, old);

        await UpdateAsync(app, id, changes with { Slug = "voi-rung-yok-don-2026" });

        using (var moved = await reader.GetAsync(old, Ct))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal("/articles/voi-rung-yok-don-2026", moved.Headers.Location?.OriginalString);
        }
        Assert.Contains("Voi rừng ở Yók Đôn", (await FetchAsync(reader, "/articles/voi-rung-yok-don-2026")).Body, StringComparison.Ordinal);

        // Back to the first address: it is the article's own again, and the second one now points to it.
        await UpdateAsync(app, id, changes with { Slug = old["/articles/".Length..] });
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(reader, old)).Status);
        using (var back = await reader.GetAsync("/articles/voi-rung-yok-don-2026", Ct))
        {
            Assert.Equal(old, back.Headers.Location?.OriginalString);
        }

        // Taken down, it has no address at all: no redirect to a 404.
        await UpdateAsync(app, id, changes with { Slug = old["/articles/".Length..] }, SaveIntent.Unpublish);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(reader, "/articles/voi-rung-yok-don-2026")).Status);
    }

    [Fact]
    public async Task TrashedArticle_IsGoneOnTheNextRequest_FromItsPage_AndItsTagPage()
    {
        using var reader = app.Client();
        var id = await CreateAsync(app, Changes("Voọc chà vá chân nâu ở Sơn Trà", "Voọc chà vá", AnHourAgo), SaveIntent.Publish);
        var slug = await SlugAsync(app, id);
        await WarmAsync(reader, $"/articles/{slug}");
        await WarmAsync(reader, "/");

        await TrashAsync(app, id);

        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(reader, $"/articles/{slug}")).Status);
        Assert.DoesNotContain("Voọc chà vá chân nâu", (await FetchAsync(reader, "/")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(reader, "/tags/vooc-cha-va")).Status);
    }

    [Fact]
    public async Task HomePage_MostUsedTopics_FollowTheNextChange()
    {
        using var reader = app.Client();
        var ids = new List<int>();
        for (var i = 1; i <= 7; i++)
        {
            ids.Add(await CreateAsync(app, Changes($"Sếu đầu đỏ về Tràm Chim, lần {i}", "Sếu đầu đỏ", AnHourAgo), SaveIntent.Publish));
        }
        Assert.Contains("Sếu đầu đỏ <span class=\"count\">7</span>", (await WarmAsync(reader, "/")).Body, StringComparison.Ordinal);

        await TrashAsync(app, ids[0]);

        var home = (await FetchAsync(reader, "/")).Body;
        Assert.Contains("Sếu đầu đỏ <span class=\"count\">6</span>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Sếu đầu đỏ <span class=\"count\">7</span>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_IsNeverServed_NorIsItsNotFoundPageCached()
    {
        using var reader = app.Client();
        var id = await CreateAsync(app, Changes("Bản nháp về hoa anh đào Đà Lạt", "Hoa anh đào", AnHourAgo), SaveIntent.Keep);
        var slug = await SlugAsync(app, id);

        var first = await FetchAsync(reader, $"/articles/{slug}");
        var second = await FetchAsync(reader, $"/articles/{slug}");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (first.Status, second.Status));
        Assert.False(second.FromCache);
        Assert.DoesNotContain("hoa anh đào Đà Lạt", (await WarmAsync(reader, "/")).Body, StringComparison.Ordinal);
        // Its topic has only this draft: readers have no such topic yet, not even in a feed.
        string[] topic = ["/tags/hoa-anh-dao", "/tags/hoa-anh-dao/feed.xml", "/tags/hoa-anh-dao/atom.xml"];
        foreach (var url in topic)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(reader, url)).Status);
        }

        await UpdateAsync(app, id, Changes("Bản nháp về hoa anh đào Đà Lạt", "Hoa anh đào", AnHourAgo), SaveIntent.Publish);

        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(reader, $"/articles/{slug}")).Status);
        Assert.Contains("hoa anh đào Đà Lạt", (await FetchAsync(reader, "/")).Body, StringComparison.Ordinal);
        foreach (var url in topic)
        {
            Assert.Contains("hoa anh đào Đà Lạt", (await FetchAsync(reader, url)).Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ImportedChange_IsOnTheNextRequest()
    {
        using var reader = app.Client();
        await WarmAsync(reader, "/");
        app.Content.WriteArticle("sao-la.md", "Sao la xuất hiện ở Quảng Nam", "2024-05-31", "[Sao la]");
        await ImportAsync();
        // A new file is written without SaveChanges (ArticleBulkInsert): the cached home page goes all the same.
        Assert.Contains("Sao la xuất hiện ở Quảng Nam", (await FetchAsync(reader, "/")).Body, StringComparison.Ordinal);
        await WarmAsync(reader, "/articles/sao-la-xuat-hien-o-quang-nam");
        await WarmAsync(reader, "/tags/sao-la");

        app.Content.WriteArticle("sao-la.md", "Sao la xuất hiện ở Quảng Nam", "2024-05-31", "[Sao la]", body: "Bẫy ảnh ghi lại một cá thể sao la.");
        await ImportAsync();

        Assert.Contains("Bẫy ảnh ghi lại một cá thể sao la.", (await FetchAsync(reader, "/articles/sao-la-xuat-hien-o-quang-nam")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInEditor_PagesAreNeitherCachedNorServedFromTheReadersCache()
    {
        var editor = await app.SignInAsEditorAsync();
        using var reader = app.Client();
        await CreateAsync(app, Changes("Rùa Hoàn Kiếm và hồ Đồng Mô", "Rùa Hoàn Kiếm", AnHourAgo), SaveIntent.Publish);

        // The editor asks first: nothing may be stored for readers from that answer.
        var editorFirst = await FetchAsync(editor.Client, "/tags/rua-hoan-kiem");
        var readerFirst = await FetchAsync(reader, "/tags/rua-hoan-kiem");
        Assert.Equal(HttpStatusCode.OK, editorFirst.Status);
        Assert.False(readerFirst.FromCache);

        // Readers' cached copy is not what the editor gets either.
        Assert.True((await FetchAsync(reader, "/tags/rua-hoan-kiem")).FromCache);
        Assert.False((await FetchAsync(editor.Client, "/tags/rua-hoan-kiem")).FromCache);
        Assert.False((await FetchAsync(editor.Client, "/admin/articles")).FromCache);
    }

    [Fact]
    public async Task ArticlePage_HasAnETag_AndAnswers304_WhenTheReaderHasIt_CachedOrNot()
    {
        using var reader = app.Client();
        var id = await CreateAsync(app, Changes("Chim hồng hoàng ở Vũ Quang", "Hồng hoàng", AnHourAgo), SaveIntent.Publish);
        var url = $"/articles/{await SlugAsync(app, id)}";

        var rendered = await FetchAsync(reader, url);
        Assert.NotNull(rendered.ETag);
        var notModified = await FetchAsync(reader, url, r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(rendered.ETag!)));
        Assert.Equal(HttpStatusCode.NotModified, notModified.Status);
        Assert.Empty(notModified.Body);

        await UpdateAsync(app, id, Changes("Chim hồng hoàng ở Vũ Quang", "Hồng hoàng", AnHourAgo, body: "Một đàn mười hai con."));
        var changed = await FetchAsync(reader, url, r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(rendered.ETag!)));
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.NotEqual(rendered.ETag, changed.ETag);
    }

    [Fact]
    public async Task Head_GetsTheHeadersOfGet_AndAnswers304_WhenTheReaderHasThePage()
    {
        using var reader = app.Client();
        var id = await CreateAsync(app, Changes("Cò trắng về Tràm Chim", "Cò trắng", AnHourAgo), SaveIntent.Publish);
        var url = $"/articles/{await SlugAsync(app, id)}";

        // HEAD first, so it is rendered rather than served from what a GET left in the cache.
        using var head = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Ct);
        var get = await FetchAsync(reader, url);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.ETag, head.Headers.ETag?.ToString());
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(get.Body), head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
        foreach (var _ in new[] { "rendered", "cached" })
        {
            using var revalidate = new HttpRequestMessage(HttpMethod.Head, url);
            revalidate.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(get.ETag!));
            using var notModified = await reader.SendAsync(revalidate, Ct);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
    }

    [Fact]
    public async Task PageLargerThanOneBufferBlock_IsSentWhole_WithTheETagOfItsBytes()
    {
        using var reader = app.Client();
        // About 200 KB of HTML: several of the validator's 64 KB blocks.
        var body = string.Join("\n\n", Enumerable.Range(1, 2500).Select(i => $"Đoạn {i} về rùa biển đẻ trứng ở Côn Đảo, đêm tháng sáu."));
        var id = await CreateAsync(app, Changes("Rùa biển về Côn Đảo", "Rùa biển", AnHourAgo, body), SaveIntent.Publish);

        using var response = await reader.GetAsync($"/articles/{await SlugAsync(app, id)}", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.True(bytes.Length > 3 * 64 * 1024, $"page of {bytes.Length} bytes");
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        var html = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("Đoạn 1 về rùa biển", html, StringComparison.Ordinal);
        Assert.Contains("Đoạn 2500 về rùa biển", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..32];
        Assert.Equal($"W/\"{hash}\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Feed_HasAnETag_AndAnswers304()
    {
        using var reader = app.Client();
        var feed = await FetchAsync(reader, "/feed.xml");
        Assert.NotNull(feed.ETag);
        Assert.Equal(HttpStatusCode.NotModified,
            (await FetchAsync(reader, "/feed.xml", r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(feed.ETag!)))).Status);
    }

    [Fact]
    public async Task Pages_AreCompressed_ForReadersWhoAcceptIt_AndCachedPerEncoding()
    {
        using var reader = app.Client();
        var brotli = await FetchAsync(reader, "/tags", r => r.Headers.AcceptEncoding.ParseAdd("br"));
        var gzip = await FetchAsync(reader, "/tags", r => r.Headers.AcceptEncoding.ParseAdd("gzip"));
        var plain = await FetchAsync(reader, "/tags");
        Assert.Equal(("br", "gzip", null), (brotli.ContentEncoding, gzip.ContentEncoding, plain.ContentEncoding));
        Assert.Contains("<html", plain.Body, StringComparison.Ordinal);
        Assert.Equal("br", (await FetchAsync(reader, "/tags", r => r.Headers.AcceptEncoding.ParseAdd("br"))).ContentEncoding);
    }

    [Fact]
    public async Task QueryStrings_AreCachedSeparately_AndErrorsAreNotCached()
    {
        using var reader = app.Client();
        var first = await WarmAsync(reader, "/articles?page=1");
        var bad = await FetchAsync(reader, "/articles?page=0");
        var badAgain = await FetchAsync(reader, "/articles?page=0");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((HttpStatusCode.BadRequest, false), (badAgain.Status, badAgain.FromCache));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
    }

    private async Task ImportAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(app.Content.Root, Ct);
        Assert.Empty(report.Problems);
    }
}
