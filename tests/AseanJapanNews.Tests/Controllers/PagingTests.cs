using System.Globalization;
using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Tests.Controllers;

/// <summary>The launch content plus 20 short articles: 25 in all, 20 a page (the default).</summary>
public sealed class PagingTests(PagingTests.App app) : IClassFixture<PagingTests.App>
{
    public sealed class App : NewsAppFactory
    {
        public App()
        {
            // One a day in January 2024, at 09:00 Hanoi; the odd ones tagged "Kiểm thử".
            for (var day = 1; day <= 20; day++)
            {
                Content.WriteArticle($"extra-{day:00}.md", $"Bản tin số {day}", $"2024-01-{day:00}T09:00:00+07:00",
                    day % 2 == 1 ? "[Kiểm thử, ASEAN]" : "[ASEAN]");
            }
        }
    }

    private Task<HtmlPage> GetAsync(string url) => HtmlPage.GetAsync(app.Client(), url);

    private static List<DateTimeOffset> Dates(HtmlPage page) =>
        page.Document.QuerySelectorAll(".article-card time").Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task Home_ShowsTwentyNewestFirst_ThenTheRestOnPageTwo()
    {
        var first = await GetAsync("/");
        var second = await GetAsync("/?page=2");

        Assert.Equal(20, first.ArticleSlugs.Count);
        Assert.Equal("Bản tin số 20", first.ArticleTitles[0]);
        Assert.Equal(5, second.ArticleSlugs.Count);
        Assert.Equal(LaunchContent.NewestFirst, second.ArticleSlugs);
        var all = Dates(first).Concat(Dates(second)).ToList();
        Assert.Equal(all.OrderDescending(), all);
        Assert.Empty(first.ArticleSlugs.Intersect(second.ArticleSlugs));
    }

    [Fact]
    public async Task Home_LinksPageToPage()
    {
        var first = await GetAsync("/");
        Assert.Equal("Trang 1 / 2", first.Text(".page-status"));
        Assert.Equal(["/?page=2"], first.Hrefs(".pagination a[rel=next]"));
        Assert.Empty(first.Hrefs(".pagination a[rel=prev]"));

        var second = await GetAsync(first.Hrefs(".pagination a[rel=next]")[0]);
        Assert.Equal("Trang 2 / 2", second.Text(".page-status"));
        Assert.Equal(["/"], second.Hrefs(".pagination a[rel=prev]"));
        Assert.Empty(second.Hrefs(".pagination a[rel=next]"));
    }

    [Fact]
    public async Task Home_AnswersNotFound_PastTheLastPage() =>
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/?page=3")).Status);

    [Fact]
    public async Task Articles_PageTwoKeepsTheFilters()
    {
        var first = await GetAsync("/articles?tag=asean&from=2021-01-01");
        Assert.Equal("23 bài viết", first.Text(".result-count"));
        Assert.Equal(20, first.ArticleSlugs.Count);
        Assert.Equal(["/articles?tag=asean&from=2021-01-01&page=2"], first.Hrefs(".pagination a[rel=next]"));

        var second = await GetAsync("/articles?tag=asean&from=2021-01-01&page=2");
        Assert.Equal([LaunchContent.PrimeMinister, LaunchContent.Summit55Yen, LaunchContent.DeepPartnership], second.ArticleSlugs);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/articles?tag=asean&from=2021-01-01&page=3")).Status);
    }

    [Fact]
    public async Task TagPage_PagesItsOwnArticles()
    {
        var first = await GetAsync("/tags/asean");
        Assert.Equal("24 bài viết", first.Text(".result-count"));
        Assert.Equal(["/tags/asean?page=2"], first.Hrefs(".pagination a[rel=next]"));
        Assert.Equal(4, (await GetAsync("/tags/asean?page=2")).ArticleSlugs.Count);

        var small = await GetAsync("/tags/kiem-thu");
        Assert.Equal(10, small.ArticleSlugs.Count);
        Assert.Null(small.Document.QuerySelector(".pagination"));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/tags/kiem-thu?page=2")).Status);
    }

    [Theory]
    [InlineData("asean")] // on 24 of 25 articles: page 1 probes the join table along the date index, page 2 starts from the tag's rows
    [InlineData("kiem-thu")] // on 10 of 25: its page starts from the tag's rows
    public async Task TagPage_ListsExactlyTheTagsVisibleArticles_NewestFirst(string tag)
    {
        var expected = await app.WithDbAsync(db => db.Articles
            .VisibleToReaders(app.Clock.GetUtcNow().UtcDateTime)
            .Where(a => a.Tags.Any(t => t.Slug == tag))
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => a.Slug)
            .ToListAsync(TestContext.Current.CancellationToken));

        var shown = new List<string>();
        for (var page = 1; page <= 2; page++)
        {
            var html = await GetAsync($"/tags/{tag}?page={page}");
            if (html.Status == HttpStatusCode.NotFound)
            {
                break;
            }
            shown.AddRange(html.ArticleSlugs);
        }

        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task ArchiveMonth_ListsTheWholeMonth()
    {
        var page = await GetAsync("/archive/2024/01");
        Assert.Equal("20 bài viết", page.Text(".result-count"));
        Assert.Equal(20, page.ArticleSlugs.Count);
        Assert.Null(page.Document.QuerySelector(".pagination"));
    }
}

/// <summary>A page size from configuration is honoured.</summary>
public sealed class ConfiguredPageSizeTests : IAsyncLifetime
{
    private readonly NewsAppFactory app = new();

    public ValueTask InitializeAsync()
    {
        app.Settings["News:PageSize"] = "2";
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Home_UsesNewsPageSize()
    {
        var third = await HtmlPage.GetAsync(app.Client(), "/?page=3");
        Assert.Equal([LaunchContent.Asean2020], third.ArticleSlugs);
        Assert.Equal("Trang 3 / 3", third.Text(".page-status"));
        Assert.Equal([LaunchContent.PrimeMinister, LaunchContent.Summit55Yen], (await HtmlPage.GetAsync(app.Client(), "/")).ArticleSlugs);
    }
}
