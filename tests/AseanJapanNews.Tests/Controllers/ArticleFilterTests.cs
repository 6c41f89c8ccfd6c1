using System.Net;
using System.Text.RegularExpressions;
using AseanJapanNews.Tests.TestSupport;
using static AseanJapanNews.Tests.TestSupport.LaunchContent;

namespace AseanJapanNews.Tests.Controllers;

/// <summary>/articles filters over the launch content: tags AND-ed, Vietnam days inclusive, removable chips.</summary>
public sealed class ArticleFilterTests(NewsAppFactory app) : IClassFixture<NewsAppFactory>
{
    private Task<HtmlPage> GetAsync(string url) => HtmlPage.GetAsync(app.Client(), url);

    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    [Theory]
    [InlineData("?tag=asean", new[] { PrimeMinister, Summit55Yen, DeepPartnership, Asean2020 })]
    [InlineData("?tag=asean&tag=viet-nam", new[] { DeepPartnership, Asean2020 })]
    [InlineData("?tag=tokyo&tag=viet-nam", new[] { Upgrade })]
    [InlineData("?tag=jakarta&tag=tokyo", new string[0])]
    [InlineData("?from=2023-01-01", new[] { PrimeMinister, Summit55Yen, Upgrade })]
    [InlineData("?to=2021-12-31", new[] { DeepPartnership, Asean2020 })]
    [InlineData("?from=2021-01-01&to=2023-11-30", new[] { Upgrade, DeepPartnership })]
    [InlineData("?from=2023-11-27&to=2023-11-27", new[] { Upgrade })]
    [InlineData("?from=2023-11-28&to=2023-12-16", new string[0])]
    [InlineData("?to=2020-03-13", new[] { Asean2020 })]
    [InlineData("?to=2020-03-12", new string[0])]
    [InlineData("?tag=asean&from=2023-12-17&to=2023-12-17", new[] { PrimeMinister, Summit55Yen })]
    [InlineData("?tag=oda&to=2022-01-01", new[] { DeepPartnership })]
    [InlineData("?tag=nhat-ban&tag=viet-nam&from=2021-09-30", new[] { Upgrade, DeepPartnership })]
    public async Task Articles_CombineTagAndDateFilters(string query, string[] expected)
    {
        var page = await GetAsync("/articles" + query);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(expected, page.ArticleSlugs);
        Assert.Equal($"{expected.Length} bài viết", page.Text(".result-count"));
    }

    [Theory]
    [InlineData("?from=2023-12-01&to=2023-12-31", new[] { PrimeMinister, Summit55Yen })]
    [InlineData("?tag=asean&page=1", new[] { PrimeMinister, Summit55Yen, DeepPartnership, Asean2020 })]
    public async Task Home_WithFilters_SendsTheReaderToTheFilteredList(string query, string[] expected)
    {
        using var response = await app.Client().GetAsync("/" + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/articles" + query, response.Headers.Location?.OriginalString);
        Assert.Equal(expected, (await GetAsync("/articles" + query)).ArticleSlugs);
    }

    [Fact]
    public async Task Articles_ShowEveryActiveFilter_AndEachChipRemovesOnlyItself()
    {
        var page = await GetAsync("/articles?tag=asean&tag=viet-nam&from=2021-01-01&to=2023-12-31");

        Assert.Equal([DeepPartnership], page.ArticleSlugs);
        Assert.Equal(["Chủ đề: ASEAN ×", "Chủ đề: Việt Nam ×", "Từ 01/01/2021 ×", "Đến 31/12/2023 ×"], page.Texts(".filters-active .chip").Select(Squash));
        var chips = page.Hrefs(".filters-active .chip");
        Assert.Equal(
        [
            "/articles?tag=viet-nam&from=2021-01-01&to=2023-12-31",
            "/articles?tag=asean&from=2021-01-01&to=2023-12-31",
            "/articles?tag=asean&tag=viet-nam&to=2023-12-31",
            "/articles?tag=asean&tag=viet-nam&from=2021-01-01",
        ], chips);

        var withoutAsean = await GetAsync(chips[0]);
        Assert.Equal([Upgrade, DeepPartnership], withoutAsean.ArticleSlugs);
        Assert.Equal(["Chủ đề: Việt Nam ×", "Từ 01/01/2021 ×", "Đến 31/12/2023 ×"], withoutAsean.Texts(".filters-active .chip").Select(Squash));
        Assert.Equal([PrimeMinister, Summit55Yen, DeepPartnership], (await GetAsync(chips[1])).ArticleSlugs);
        Assert.Equal([DeepPartnership, Asean2020], (await GetAsync(chips[2])).ArticleSlugs);
        Assert.Equal([DeepPartnership], (await GetAsync(chips[3])).ArticleSlugs);
    }

    [Fact]
    public async Task Articles_RemovingTheLastChip_GivesTheUnfilteredList()
    {
        var page = await GetAsync("/articles?from=2023-12-01");
        var all = await GetAsync(page.Hrefs(".filters-active .chip").Single());

        Assert.Equal(NewestFirst, all.ArticleSlugs);
        Assert.Null(all.Document.QuerySelector(".filters-active"));
    }

    [Fact]
    public async Task Articles_DateFormKeepsTheTagFilters_AndShowsTheChosenDays()
    {
        var page = await GetAsync("/articles?tag=asean&tag=tokyo&from=2023-12-01");

        var form = page.Document.QuerySelector("form.date-filter")!;
        Assert.Equal("/articles", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(["asean", "tokyo"], form.QuerySelectorAll("input[type=hidden][name=tag]").Select(i => i.GetAttribute("value")));
        Assert.Equal("2023-12-01", form.QuerySelector("input[name=from]")!.GetAttribute("value"));
        Assert.Equal("", form.QuerySelector("input[name=to]")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Articles_TreatAnEmptyDateFromTheFormAsNoFilter()
    {
        // Submitting the form with one date left blank sends "to=".
        var page = await GetAsync("/articles?from=2023-12-01&to=");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([PrimeMinister, Summit55Yen], page.ArticleSlugs);
    }

    [Fact]
    public async Task Articles_ListTheTagsOfEachArticle_AsLinksToTheirPages()
    {
        var page = await GetAsync("/articles?tag=jakarta");
        var card = Assert.Single(page.Document.QuerySelectorAll(".article-card"));
        Assert.Equal(Articles[Asean2020].Tags, card.QuerySelectorAll(".tags a").Select(a => a.TextContent));
        Assert.Contains("/tags/jakarta", card.QuerySelectorAll(".tags a").Select(a => a.GetAttribute("href")));
    }
}
