using System.Net;
using System.Text.RegularExpressions;
using AseanJapanNews.Tests.TestSupport;
using static AseanJapanNews.Tests.TestSupport.LaunchContent;

namespace AseanJapanNews.Tests.Controllers;

/// <summary>The five launch articles, imported at start-up and read the way a reader reads them.</summary>
public sealed class LaunchArticleTests(NewsAppFactory app) : IClassFixture<NewsAppFactory>
{
    private Task<HtmlPage> GetAsync(string url) => HtmlPage.GetAsync(app.Client(), url);

    [Theory]
    [MemberData(nameof(Slugs), MemberType = typeof(LaunchContent))]
    public async Task ArticlePage_ShowsTitleDateLineTagsAndCredits(string slug)
    {
        var expected = Articles[slug];
        var page = await GetAsync($"/articles/{slug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("vi", page.Lang);
        Assert.Equal(expected.Title, page.Text("h1.article-title"));
        Assert.Equal(expected.DateLine, page.Text(".dateline time"));
        Assert.NotEmpty(page.Text(".sapo"));
        Assert.Equal(expected.Tags, page.Texts(".article-foot .tags a"));
        Assert.All(page.Hrefs(".article-foot .tags a"), href => Assert.Matches("^/tags/[a-z0-9-]+$", href));
        Assert.Equal(expected.Author ?? "", page.Text(".byline"));
        if (expected.Source is null)
        {
            Assert.Null(page.Document.QuerySelector(".source"));
        }
        else
        {
            Assert.Equal($"Nguồn: {expected.Source}", Regex.Replace(page.Text(".source"), @"\s+", " "));
            Assert.Equal(expected.SourceUrl, page.Document.QuerySelector(".source a")?.GetAttribute("href"));
        }
    }

    [Theory]
    [MemberData(nameof(Slugs), MemberType = typeof(LaunchContent))]
    public async Task ArticlePage_KeepsPhotoCaptionsAsFigcaptions_AndTheWholeText(string slug)
    {
        var expected = Articles[slug];
        var page = await GetAsync($"/articles/{slug}");

        Assert.Equal(expected.FirstCaption, page.Text(".article-body figure figcaption"));
        Assert.EndsWith(expected.LastWords, page.Text(".article-body"), StringComparison.Ordinal);
        Assert.True(page.Document.QuerySelectorAll(".article-body p").Length >= 3, "the body is in paragraphs");
    }

    [Theory]
    [MemberData(nameof(Slugs), MemberType = typeof(LaunchContent))]
    public async Task ArticlePage_CarriesNoTraceOfTheSeedNoise(string slug)
    {
        var page = await GetAsync($"/articles/{slug}");
        var article = page.Document.QuerySelector("article")!.TextContent;

        Assert.All(SeedNoise, noise => Assert.DoesNotContain(noise, article, StringComparison.Ordinal));
        Assert.DoesNotContain(page.Texts(".article-body p"), p => p.Trim() is "." or "" or "|");
        Assert.DoesNotMatch(@"\(\s|\s\)", article);
    }

    [Fact]
    public async Task HomePage_ListsTheFiveLaunchArticles_NewestFirst_WithoutSeedNoise()
    {
        var page = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("vi", page.Lang);
        Assert.Equal(NewestFirst, page.ArticleSlugs);
        Assert.Equal(NewestFirst.Select(s => Articles[s].Title), page.ArticleTitles);
        Assert.Equal(["17/12/2023", "17/12/2023", "27/11/2023", "30/09/2021", "13/03/2020"], page.Texts(".article-card .meta time"));
        Assert.Equal(5, page.Document.QuerySelectorAll(".article-card .card-sapo").Length);
        Assert.Equal(Articles[Asean2020].Tags, page.Document.QuerySelectorAll(".article-card")[^1].QuerySelectorAll(".tags a").Select(a => a.TextContent));
        var list = page.Document.QuerySelector(".article-list")!.TextContent;
        Assert.All(SeedNoise, noise => Assert.DoesNotContain(noise, list, StringComparison.Ordinal));
        Assert.Null(page.Document.QuerySelector(".pagination"));
    }

    [Fact]
    public async Task ArticlesPage_ListsTheSameArticles_WithAFilterForm()
    {
        var page = await GetAsync("/articles");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(NewestFirst, page.ArticleSlugs);
        Assert.Equal("5 bài viết", page.Text(".result-count"));
        Assert.NotNull(page.Document.QuerySelector("form.date-filter input[name=from][type=date]"));
        Assert.NotNull(page.Document.QuerySelector("form.date-filter input[name=to][type=date]"));
        Assert.Null(page.Document.QuerySelector(".filters-active"));
    }

    [Fact]
    public async Task TagsPage_CountsArticlesPerTag_InVietnameseOrder()
    {
        var page = await GetAsync("/tags");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll(".tag-index li")
            .Select(li => (Name: li.QuerySelector("a")!.TextContent, Count: li.QuerySelector(".count")!.TextContent, Href: li.QuerySelector("a")!.GetAttribute("href")))
            .ToList();
        Assert.Equal(
        [
            ("ASEAN", "4 bài", "/tags/asean"), ("Biển Đông", "3 bài", "/tags/bien-dong"), ("Covid-19", "1 bài", "/tags/covid-19"),
            ("Đối tác chiến lược toàn diện", "3 bài", "/tags/doi-tac-chien-luoc-toan-dien"), ("Hội nghị cấp cao", "2 bài", "/tags/hoi-nghi-cap-cao"),
            ("Jakarta", "1 bài", "/tags/jakarta"), ("Kinh tế", "2 bài", "/tags/kinh-te"), ("Kishida Fumio", "3 bài", "/tags/kishida-fumio"),
            ("Nhật Bản", "5 bài", "/tags/nhat-ban"), ("ODA", "2 bài", "/tags/oda"), ("Phạm Minh Chính", "2 bài", "/tags/pham-minh-chinh"),
            ("Tokyo", "3 bài", "/tags/tokyo"), ("Việt Nam", "3 bài", "/tags/viet-nam"), ("Võ Văn Thưởng", "1 bài", "/tags/vo-van-thuong"),
        ], rows);
    }

    [Fact]
    public async Task TagPage_ListsThatTagsArticles_NewestFirst()
    {
        var page = await GetAsync("/tags/viet-nam");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Chủ đề: Việt Nam", page.Text("h1"));
        Assert.Equal([Upgrade, DeepPartnership, Asean2020], page.ArticleSlugs);
        Assert.Equal("3 bài viết", page.Text(".result-count"));
    }

    [Fact]
    public async Task TagPage_AcceptsTheDateFilters()
    {
        var page = await GetAsync("/tags/tokyo?from=2023-12-01&to=2023-12-31");
        Assert.Equal([PrimeMinister, Summit55Yen], page.ArticleSlugs);
        Assert.Equal(["Từ 01/12/2023 ×", "Đến 31/12/2023 ×"], page.Texts(".filters-active .chip").Select(Squash));
        Assert.Equal(["/tags/tokyo?to=2023-12-31", "/tags/tokyo?from=2023-12-01"], page.Hrefs(".filters-active .chip"));
    }

    [Fact]
    public async Task TagPage_NarrowsByAnotherTag_AndItsChipRemovesIt()
    {
        var page = await GetAsync("/tags/tokyo?tag=viet-nam");
        Assert.Equal([Upgrade], page.ArticleSlugs);
        Assert.Equal(["Chủ đề: Việt Nam ×"], page.Texts(".filters-active .chip").Select(Squash));

        var removed = await GetAsync(page.Hrefs(".filters-active .chip").Single());
        Assert.Equal([PrimeMinister, Summit55Yen, Upgrade], removed.ArticleSlugs);
    }

    [Fact]
    public async Task ArchivePage_CountsArticlesPerYearAndMonth_NewestFirst()
    {
        var page = await GetAsync("/archive");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Năm 2023 3 bài", "Năm 2021 1 bài", "Năm 2020 1 bài"], page.Texts(".archive-year h2").Select(Squash));
        Assert.Equal(["Tháng 12 2 bài", "Tháng 11 1 bài", "Tháng 9 1 bài", "Tháng 3 1 bài"], page.Texts(".archive-months li").Select(Squash));
        Assert.Equal(["/archive/2023/12", "/archive/2023/11", "/archive/2021/09", "/archive/2020/03"], page.Hrefs(".archive-months a"));
        Assert.Equal(["/archive/2023", "/archive/2021", "/archive/2020"], page.Hrefs(".archive-year h2 a"));
    }

    [Fact]
    public async Task ArchiveMonth_ListsThatMonthsArticles()
    {
        var page = await GetAsync("/archive/2023/12");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Lưu trữ tháng 12/2023", page.Text("h1"));
        Assert.Equal([PrimeMinister, Summit55Yen], page.ArticleSlugs);
    }

    [Fact]
    public async Task ArchiveYear_ListsThatYearsArticles()
    {
        var page = await GetAsync("/archive/2023");
        Assert.Equal("Lưu trữ năm 2023", page.Text("h1"));
        Assert.Equal([PrimeMinister, Summit55Yen, Upgrade], page.ArticleSlugs);
    }

    [Fact]
    public async Task ArchiveMonth_AcceptsAMonthWithoutLeadingZero_AndShowsAnEmptyMonthAsEmpty()
    {
        Assert.Equal([Asean2020], (await GetAsync("/archive/2020/3")).ArticleSlugs);
        var empty = await GetAsync("/archive/2022/05");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Empty(empty.ArticleSlugs);
        Assert.Equal("Chưa có bài viết nào phù hợp.", empty.Text(".empty"));
    }

    [Fact]
    public async Task Healthz_ReportsTheDatabaseReachable_AsJson()
    {
        using var response = await app.Client().GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("reachable", json.RootElement.GetProperty("database").GetString());
    }

    [Fact]
    public async Task EveryPage_IsVietnamese_AndLinksItsStylesheetLocally()
    {
        foreach (var url in new[] { "/", "/articles", "/tags", "/tags/asean", "/archive", "/archive/2023", "/archive/2023/12", $"/articles/{Upgrade}" })
        {
            var page = await GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("vi", page.Lang);
            Assert.All(page.Hrefs("link[rel=stylesheet]"), href => Assert.StartsWith("/", href, StringComparison.Ordinal));
            Assert.Empty(page.Document.QuerySelectorAll("script[src^=http], link[href^=http][rel=stylesheet]"));
        }
    }

    [Fact]
    public async Task Stylesheet_IsServedFromTheSite()
    {
        var href = (await GetAsync("/")).Hrefs("link[rel=stylesheet]").Single();
        using var response = await app.Client().GetAsync(href, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".article-body", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
