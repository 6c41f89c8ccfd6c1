using System.Net;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Controllers;

public sealed class TagIndexAppFactory : NewsAppFactory
{
    public TagIndexAppFactory()
    {
        Content.WriteArticle("t1.md", "Bài một", "2024-01-01", "[Đà Nẵng, Dầu khí, An ninh]");
        Content.WriteArticle("t2.md", "Bài hai", "2024-01-02", "[Ăn uống, Ẩm thực, Đà Nẵng]");
        Content.WriteArticle("t3.md", "Bài ba", "2024-01-03", "[Bình Định, Đà Nẵng]");
        Content.WriteArticle("t4.md", "Bài hẹn giờ", "2024-12-01", "[Đà Nẵng, Chỉ hẹn giờ]");
        Content.Write("t5.md", "title: \"Nháp\"\ntags: [Chỉ bản nháp]\ndraft: true");
    }
}

public sealed class TagIndexTests(TagIndexAppFactory factory) : IClassFixture<TagIndexAppFactory>
{
    [Fact]
    public async Task TagIndex_IsInVietnameseAlphabeticalOrder_WithCountsOfVisibleArticles()
    {
        var page = await HtmlPage.GetAsync(factory.Client(), "/tags");
        var names = page.Texts(".tag-index li a");
        string[] expected = ["An ninh", "Ăn uống", "Ẩm thực", "Bình Định", "Dầu khí", "Đà Nẵng"];
        Assert.Equal(expected, names.Where(expected.Contains));
        Assert.DoesNotContain("Chỉ hẹn giờ", names);
        Assert.DoesNotContain("Chỉ bản nháp", names);
        var danang = page.Document.QuerySelectorAll(".tag-index li").Single(li => li.QuerySelector("a")!.TextContent == "Đà Nẵng");
        Assert.Equal("3 bài", danang.QuerySelector(".count")!.TextContent.Trim());
    }

    [Fact]
    public async Task HomePage_ListsTheMostUsedTags_MostUsedFirst()
    {
        var page = await HtmlPage.GetAsync(factory.Client(), "/");
        var counts = page.Document.QuerySelectorAll(".tag-cloud .count").Select(c => int.Parse(c.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(counts);
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.Contains("ASEAN", page.Texts(".tag-cloud a").Select(t => t.Split(' ')[0]));
    }

    [Theory]
    [InlineData("/tags/da-nang", HttpStatusCode.OK)]
    [InlineData("/tags/chi-hen-gio", HttpStatusCode.NotFound)]
    [InlineData("/tags/chi-ban-nhap", HttpStatusCode.NotFound)]
    [InlineData("/tags/khong-ton-tai", HttpStatusCode.NotFound)]
    public async Task TagPage_ExistsOnlyWhileReadersCanSeeOneOfItsArticles(string path, HttpStatusCode expected)
    {
        using var response = await factory.Client().GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/tags/%C4%90%C3%A0%20N%E1%BA%B5ng", "/tags/da-nang")]
    [InlineData("/tags/%C4%91%C3%A0-n%E1%BA%B5ng?page=1", "/tags/da-nang?page=1")]
    public async Task TagPage_TypedByItsName_RedirectsToItsAddress(string typed, string address)
    {
        using var response = await factory.Client().GetAsync(typed, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(address, response.Headers.Location?.OriginalString);
        // Only to a topic readers have: a name that only drafts use stays a plain 404.
        using var draftOnly = await factory.Client().GetAsync("/tags/Ch%E1%BB%89%20b%E1%BA%A3n%20nh%C3%A1p", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, draftOnly.StatusCode);
    }

    [Fact]
    public async Task TagPage_LinksToItsFeed()
    {
        var page = await HtmlPage.GetAsync(factory.Client(), "/tags/da-nang");
        Assert.Equal("/tags/da-nang/feed.xml", page.Document.QuerySelector("link[rel=alternate][type='application/rss+xml'][title^='Chủ đề']")?.GetAttribute("href"));
        Assert.Equal("/tags/da-nang/feed.xml", page.Document.QuerySelector(".feed-link a")?.GetAttribute("href"));
    }
}
