using System.Net;
using System.Text.Json;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Controllers;

public sealed class ArticlePageAppFactory : NewsAppFactory
{
    public const string Main = "/articles/bai-chinh-ve-meo-tam-the";

    public ArticlePageAppFactory()
    {
        Settings["News:PageSize"] = "2";
        var longBody = string.Join("\n\n", Enumerable.Range(1, 50).Select(i => $"Đoạn {i}: " + string.Join(' ', Enumerable.Repeat("chữ", 19))));
        Content.WriteArticle("main.md", "Bài chính về mèo tam thể", "2024-05-10T09:15:00+07:00", "[Mèo, Chó, Cá]",
            extra: "author: \"Nguyễn Văn A\"", body: longBody);
        Content.WriteArticle("r3.md", "Ba chủ đề chung", "2024-01-01", "[Mèo, Chó, Cá]");
        Content.WriteArticle("r2.md", "Hai chủ đề chung", "2024-05-01", "[Mèo, Chó]");
        Content.WriteArticle("r1a.md", "Một chủ đề chung", "2024-03-01", "[Mèo]");
        Content.WriteArticle("r1b.md", "Một chủ đề chung nữa về mèo tam thể", "2024-03-02", "[Mèo]");
        Content.WriteArticle("similar.md", "Chuyện mèo tam thể nhà bên", "2024-02-01", "[Thú cưng]");
        Content.WriteArticle("after.md", "Tin đăng sau cùng", "2024-05-20", "[Khác]");
        Content.WriteArticle("future.md", "Bài hẹn giờ về mèo tam thể", "2024-12-01", "[Mèo, Chó, Cá]");
        Content.Write("draft.md", "title: \"Bản nháp về mèo tam thể\"\ndate: 2024-05-15\ntags: [Mèo, Chó, Cá]\ndraft: true");
        Content.WriteArticle("script.md", "Tiêu đề có </script><script>alert(1)</script> bên trong", "2023-01-01", "[Thử]",
            body: "Ngắn.");
        Content.WriteArticle("no-author.md", "Bài không tác giả", "2023-01-02", "[Thử]");
        Content.WriteArticle("sourced.md", "Bài lấy từ báo khác", "2020-01-01", "[Nguồn ngoài]",
            extra: "source: \"Báo Nhân Dân\"\nsource_url: \"https://nhandan.vn/the-gioi/bai-goc-123\"");
    }
}

public sealed class ArticlePageTests(ArticlePageAppFactory factory) : IClassFixture<ArticlePageAppFactory>
{
    private Task<HtmlPage> GetAsync(string url) => HtmlPage.GetAsync(factory.Client(), url);

    private static JsonElement JsonLd(HtmlPage page)
    {
        var scripts = page.Document.QuerySelectorAll("script[type='application/ld+json']");
        Assert.Single(scripts);
        return JsonDocument.Parse(scripts[0].TextContent).RootElement.Clone();
    }

    private static string Meta(HtmlPage page, string property) =>
        page.Document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content") ?? "";

    [Fact]
    public async Task JsonLd_IsANewsArticle_TrueToTheArticle()
    {
        var page = await GetAsync(ArticlePageAppFactory.Main);
        var ld = JsonLd(page);
        Assert.Equal("https://schema.org", ld.GetProperty("@context").GetString());
        Assert.Equal("NewsArticle", ld.GetProperty("@type").GetString());
        Assert.Equal("Bài chính về mèo tam thể", ld.GetProperty("headline").GetString());
        Assert.Equal(page.Text(".sapo"), ld.GetProperty("description").GetString());
        Assert.Equal("2024-05-10T09:15:00+07:00", ld.GetProperty("datePublished").GetString());
        // Imported once and never revised: loading it into the database is not a change to tell readers about.
        Assert.Equal("2024-05-10T09:15:00+07:00", ld.GetProperty("dateModified").GetString());
        Assert.Equal("Person", ld.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("Nguyễn Văn A", ld.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("Organization", ld.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal("AseanJapanNews", ld.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal(["Cá", "Chó", "Mèo"], ld.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("vi", ld.GetProperty("inLanguage").GetString());
        var canonical = page.Document.QuerySelector("link[rel=canonical]")!.GetAttribute("href");
        Assert.Equal("https://tin.example.vn" + ArticlePageAppFactory.Main, canonical);
        Assert.Equal(canonical, ld.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
    }

    [Fact]
    public async Task JsonLd_CannotBeBrokenOutOf_ByATitle()
    {
        var page = await GetAsync("/articles/tieu-de-co-script-script-alert-1-script-ben-trong");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("<script>alert(1)", page.Html, StringComparison.Ordinal);
        Assert.Equal("Tiêu đề có </script><script>alert(1)</script> bên trong", JsonLd(page).GetProperty("headline").GetString());
        Assert.Single(page.Document.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task JsonLd_WithoutByline_NamesThePublisherAsAuthor()
    {
        var ld = JsonLd(await GetAsync("/articles/bai-khong-tac-gia"));
        Assert.Equal("Organization", ld.GetProperty("author").GetProperty("@type").GetString());
    }

    [Fact]
    public async Task ArticleFromAnotherOutlet_CreditsIt_InJsonLd_AndInBothFeeds()
    {
        var ld = JsonLd(await GetAsync("/articles/bai-lay-tu-bao-khac"));
        Assert.Equal("Organization", ld.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("Báo Nhân Dân", ld.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("https://nhandan.vn", ld.GetProperty("author").GetProperty("url").GetString());
        Assert.Equal("https://nhandan.vn/the-gioi/bai-goc-123", ld.GetProperty("isBasedOn").GetString());

        const string credit = "<p>Nguồn: <a href=\"https://nhandan.vn/the-gioi/bai-goc-123\">Báo Nhân Dân</a></p>";
        foreach (var feed in new[] { "/tags/nguon-ngoai/feed.xml", "/tags/nguon-ngoai/atom.xml" })
        {
            var xml = System.Xml.Linq.XDocument.Parse(await factory.Client().GetStringAsync(feed, TestContext.Current.CancellationToken));
            var content = xml.Descendants().Single(e => e.Name.LocalName is "encoded" or "content");
            Assert.Contains(credit, content.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenGraph_DescribesTheArticle()
    {
        var page = await GetAsync(ArticlePageAppFactory.Main);
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal("Bài chính về mèo tam thể", Meta(page, "og:title"));
        Assert.Equal(page.Text(".sapo"), Meta(page, "og:description"));
        Assert.Equal("https://tin.example.vn" + ArticlePageAppFactory.Main, Meta(page, "og:url"));
        Assert.Equal("AseanJapanNews", Meta(page, "og:site_name"));
        Assert.Equal("vi_VN", Meta(page, "og:locale"));
        Assert.Equal("2024-05-10T09:15:00+07:00", Meta(page, "article:published_time"));
        Assert.EndsWith("+07:00", Meta(page, "article:modified_time"), StringComparison.Ordinal);
        Assert.Equal(["Cá", "Chó", "Mèo"],
            page.Document.QuerySelectorAll("meta[property='article:tag']").Select(m => m.GetAttribute("content")));
    }

    [Fact]
    public async Task ReadingTime_IsShown_InMinutes()
    {
        // 50 paragraphs of 21 words and a sapo: about 1,050 words at 230 a minute.
        Assert.Equal("· 5 phút đọc", (await GetAsync(ArticlePageAppFactory.Main)).Text(".reading-time"));
        Assert.Equal("· 1 phút đọc", (await GetAsync("/articles/bai-khong-tac-gia")).Text(".reading-time"));
    }

    [Fact]
    public async Task Related_RanksSharedTopicsFirst_ThenNearestInTime_NeverItselfOrInvisible()
    {
        var related = (await GetAsync(ArticlePageAppFactory.Main)).Texts(".related-list a");
        Assert.Equal(["Ba chủ đề chung", "Hai chủ đề chung",
            // Both share one topic; the one published nearer to this article (2 March against 1 March) comes first.
            "Một chủ đề chung nữa về mèo tam thể", "Một chủ đề chung"], related);
        // No shared topic, however alike the words: related articles come from topics, worked out without a search per page.
        Assert.DoesNotContain("Chuyện mèo tam thể nhà bên", related);
        Assert.DoesNotContain("Bài chính về mèo tam thể", related);
        Assert.DoesNotContain("Bài hẹn giờ về mèo tam thể", related);
        Assert.DoesNotContain("Bản nháp về mèo tam thể", related);
    }

    [Fact]
    public async Task PreviousAndNext_FollowPublicationDate_SkippingInvisibleArticles()
    {
        var page = await GetAsync(ArticlePageAppFactory.Main);
        Assert.EndsWith("Hai chủ đề chung", page.Text("a[rel=prev]"), StringComparison.Ordinal);
        // The draft dated 15/05 sits between them and is skipped.
        Assert.EndsWith("Tin đăng sau cùng", page.Text("a[rel=next]"), StringComparison.Ordinal);
        var newest = await GetAsync("/articles/tin-dang-sau-cung");
        Assert.Null(newest.Document.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task EveryPage_HasItsOwnTitle_Description_AndAbsoluteCanonical()
    {
        string[] urls =
        [
            "/", "/?page=2", "/articles", "/articles?page=2", "/articles?tag=meo", "/articles?tag=meo&page=2",
            "/articles?from=2024-05-01", "/tags", "/tags/meo", "/tags/meo?page=2", "/archive", "/archive/2024", "/archive/2024/05",
            "/search", "/search?q=meo", ArticlePageAppFactory.Main, "/articles/bai-khong-tac-gia",
        ];
        var pages = new List<(string Url, string Title, string Description, string Canonical)>();
        foreach (var url in urls)
        {
            var page = await GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var canonical = page.Document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? "";
            Assert.StartsWith("https://tin.example.vn/", canonical, StringComparison.Ordinal);
            pages.Add((url, page.Document.Title ?? "", page.Document.QuerySelector("meta[name=description]")?.GetAttribute("content") ?? "", canonical));
        }
        Assert.All(pages, p => Assert.False(string.IsNullOrWhiteSpace(p.Description), p.Url));
        Assert.Equal(pages.Count, pages.Select(p => p.Title).Distinct().Count());
        Assert.Equal(pages.Count, pages.Select(p => p.Description).Distinct().Count());
        Assert.Equal(pages.Count, pages.Select(p => p.Canonical).Distinct().Count());
    }

    [Fact]
    public async Task Canonical_LeavesOutUnknownQueryParameters()
    {
        var page = await GetAsync(ArticlePageAppFactory.Main + "?utm_source=zalo");
        Assert.Equal("https://tin.example.vn" + ArticlePageAppFactory.Main, page.Document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var list = await GetAsync("/articles?utm_source=zalo&page=2");
        Assert.Equal("https://tin.example.vn/articles?page=2", list.Document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Canonical_IsEscaped_AndErrorPagesHaveNone()
    {
        var search = await GetAsync("/search?q=%22Nh%E1%BA%ADt+b%E1%BA%A3n%22+%3Cb%3E");
        Assert.Equal("https://tin.example.vn/search?q=%22Nh%E1%BA%ADt%20b%E1%BA%A3n%22%20%3Cb%3E",
            search.Document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));

        var missing = await GetAsync("/articles/khong-co-bai-nay");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Null(missing.Document.QuerySelector("link[rel=canonical]"));
        Assert.Equal("noindex", missing.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }
}
