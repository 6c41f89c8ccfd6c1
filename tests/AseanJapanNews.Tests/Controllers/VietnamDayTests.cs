using System.Net;
using System.Xml.Linq;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Controllers;

/// <summary>Articles near midnight: each belongs to its Vietnam day everywhere on the site.</summary>
public sealed class VietnamDayTests(VietnamDayTests.App app) : IClassFixture<VietnamDayTests.App>
{
    public sealed class App : NewsAppFactory
    {
        public App()
        {
            // 06:00 on 17/12/2023 in Hanoi is 23:00 UTC on 16/12.
            Content.WriteArticle("early.md", "Sáng sớm ở Hà Nội", "2023-12-16T23:00:00Z", "[Múi giờ]");
            // 23:30 on 31/12/2023 in Hanoi is still 2023; 00:30 on 1/1/2024 in Hanoi is 17:30 UTC on 31/12/2023.
            Content.WriteArticle("late.md", "Đêm giao thừa", "2023-12-31T23:30:00+07:00", "[Múi giờ]");
            Content.WriteArticle("new-year.md", "Năm mới", "2023-12-31T17:30:00Z", "[Múi giờ]");
        }
    }

    private Task<HtmlPage> GetAsync(string url) => HtmlPage.GetAsync(app.Client(), url);

    [Fact]
    public async Task ArticlePage_ShowsVietnamDate_ForLateNightUtcInstant()
    {
        var page = await GetAsync("/articles/sang-som-o-ha-noi");
        Assert.Equal("Chủ nhật, 17/12/2023, 06:00 (GMT+7)", page.Text(".dateline time"));
        Assert.Equal("2023-12-17T06:00:00+07:00", page.Document.QuerySelector(".dateline time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Lists_ShowTheVietnamDay_ForLateNightUtcInstant()
    {
        var page = await GetAsync("/tags/mui-gio");
        Assert.Equal(["Năm mới", "Đêm giao thừa", "Sáng sớm ở Hà Nội"], page.ArticleTitles);
        Assert.Equal(["01/01/2024", "31/12/2023", "17/12/2023"], page.Texts(".article-card .meta time"));
    }

    [Fact]
    public async Task DayFilter_FindsTheArticle_OnItsVietnamDayOnly()
    {
        Assert.Contains("sang-som-o-ha-noi", (await GetAsync("/articles?from=2023-12-17&to=2023-12-17")).ArticleSlugs);
        Assert.DoesNotContain("sang-som-o-ha-noi", (await GetAsync("/articles?from=2023-12-16&to=2023-12-16")).ArticleSlugs);
        Assert.DoesNotContain("sang-som-o-ha-noi", (await GetAsync("/articles?to=2023-12-16")).ArticleSlugs);
        Assert.Contains("sang-som-o-ha-noi", (await GetAsync("/articles?from=2023-12-17")).ArticleSlugs);
    }

    [Fact]
    public async Task DayFilter_SplitsNewYearsEve_AtVietnamMidnight()
    {
        Assert.Equal(["dem-giao-thua"], (await GetAsync("/articles?tag=mui-gio&from=2023-12-31&to=2023-12-31")).ArticleSlugs);
        Assert.Equal(["nam-moi"], (await GetAsync("/articles?tag=mui-gio&from=2024-01-01&to=2024-01-01")).ArticleSlugs);
    }

    [Fact]
    public async Task ArchiveMonth_HoldsTheArticle_OfItsVietnamMonth()
    {
        var december = await GetAsync("/archive/2023/12");
        Assert.Contains("sang-som-o-ha-noi", december.ArticleSlugs);
        Assert.Contains("dem-giao-thua", december.ArticleSlugs);
        Assert.DoesNotContain("nam-moi", december.ArticleSlugs);

        var january = await GetAsync("/archive/2024/01");
        Assert.Equal(HttpStatusCode.OK, january.Status);
        Assert.Equal(["nam-moi"], january.ArticleSlugs);
        Assert.Equal(["nam-moi"], (await GetAsync("/archive/2024")).ArticleSlugs);
        Assert.Contains("dem-giao-thua", (await GetAsync("/archive/2023")).ArticleSlugs);
    }

    [Fact]
    public async Task ArchiveIndex_CountsEachArticle_InItsVietnamMonth()
    {
        var page = await GetAsync("/archive");
        var months = page.Document.QuerySelectorAll(".archive-months li")
            .Select(li => (li.QuerySelector("a")!.GetAttribute("href"), li.QuerySelector(".count")!.TextContent))
            .ToList();
        Assert.Contains(("/archive/2024/01", "1 bài"), months);
        Assert.Contains(("/archive/2023/12", "4 bài"), months); // the two launch articles of 17/12 and two of ours
    }

    [Fact]
    public async Task SitemapMonths_HoldEachArticle_InItsVietnamMonth()
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        async Task<List<string>> LocationsAsync(string url, string element)
        {
            var xml = XDocument.Parse(await app.Client().GetStringAsync(url, TestContext.Current.CancellationToken));
            return xml.Root!.Elements(ns + element).Select(e => new Uri(e.Element(ns + "loc")!.Value).AbsolutePath).ToList();
        }
        Assert.Contains("/sitemaps/articles-2024-01.xml", await LocationsAsync("/sitemap.xml", "sitemap"));
        Assert.Equal(["/articles/nam-moi"], await LocationsAsync("/sitemaps/articles-2024-01.xml", "url"));
        var december = await LocationsAsync("/sitemaps/articles-2023-12.xml", "url");
        Assert.Contains("/articles/sang-som-o-ha-noi", december);
        Assert.Contains("/articles/dem-giao-thua", december);
        Assert.DoesNotContain("/articles/nam-moi", december);
    }
}
