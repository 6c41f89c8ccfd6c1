using AseanJapanNews.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AseanJapanNews.Tests.Browser;

/// <summary>A reader in Chromium, clicking through the launch site.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private IPage page = null!;

    public async ValueTask InitializeAsync() => page = await browser.NewPageAsync();

    public async ValueTask DisposeAsync() => await page.Context.CloseAsync();

    [Fact]
    public async Task Reader_OpensTheFirstArticleFromTheHomePage_AndSeesItsHeadingAndTags()
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveTitleAsync("AseanJapanNews");
        var expected = LaunchContent.Articles[LaunchContent.NewestFirst[0]];

        await page.Locator(".article-card .card-title a").First.ClickAsync();

        await Expect(page).ToHaveURLAsync($"{browser.App.BaseUrl}/articles/{expected.Slug}");
        await Expect(page.Locator("h1.article-title")).ToHaveTextAsync(expected.Title);
        await Expect(page.Locator(".sapo")).ToBeVisibleAsync();
        await Expect(page.Locator(".dateline time")).ToHaveTextAsync(expected.DateLine);
        await Expect(page.Locator(".article-foot .tags a")).ToHaveTextAsync(expected.Tags);
        await Expect(page.Locator(".article-body figcaption").First).ToHaveTextAsync(expected.FirstCaption);
    }

    [Fact]
    public async Task Reader_ClicksATag_AndSeesThatTagsArticles()
    {
        await page.GotoAsync($"/articles/{LaunchContent.Upgrade}");

        await page.Locator(".article-foot .tags a", new() { HasText = "Việt Nam" }).First.ClickAsync();

        await Expect(page).ToHaveURLAsync($"{browser.App.BaseUrl}/tags/viet-nam");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Chủ đề: Việt Nam");
        await Expect(page.Locator(".article-card .card-title")).ToHaveTextAsync(
            new[] { LaunchContent.Upgrade, LaunchContent.DeepPartnership, LaunchContent.Asean2020 }.Select(s => LaunchContent.Articles[s].Title).ToArray());
    }

    [Fact]
    public async Task Reader_FiltersByDate_ThenRemovesTheFilterWithItsChip()
    {
        await page.GotoAsync("/articles");
        await Expect(page.Locator(".article-card")).ToHaveCountAsync(5);

        await page.Locator("form.date-filter input[name=from]").FillAsync("2023-12-01");
        await page.Locator("form.date-filter input[name=to]").FillAsync("2023-12-31");
        await page.Locator("form.date-filter button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync($"{browser.App.BaseUrl}/articles?from=2023-12-01&to=2023-12-31");
        await Expect(page.Locator(".article-card")).ToHaveCountAsync(2);
        await Expect(page.Locator(".filters-active .chip")).ToHaveTextAsync(["Từ 01/12/2023 ×", "Đến 31/12/2023 ×"]);

        await page.Locator(".filters-active .chip", new() { HasText = "Từ 01/12/2023" }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{browser.App.BaseUrl}/articles?to=2023-12-31");
        await Expect(page.Locator(".filters-active .chip")).ToHaveTextAsync(["Đến 31/12/2023 ×"]);
        await Expect(page.Locator(".article-card")).ToHaveCountAsync(5);
        await Expect(page.Locator("form.date-filter input[name=from]")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task NotFoundPage_RendersInVietnamese()
    {
        var response = await page.GotoAsync("/articles/bai-khong-ton-tai");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.Locator(".error-page h1")).ToHaveTextAsync("Không tìm thấy trang");
        await page.Locator(".error-page a", new() { HasText = "Về trang chủ" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{browser.App.BaseUrl}/");
    }

    [Fact]
    public async Task Pages_AreStyledByTheSiteStylesheet()
    {
        var problems = new List<string>();
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"{response.Status} {response.Url}"); };
        page.RequestFailed += (_, request) => problems.Add($"failed {request.Url}");
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };

        await page.GotoAsync("/");

        Assert.Empty(problems);
        // site.css sets body text to 17px on a desktop; the browser default is 16px.
        Assert.Equal("17px", await page.EvaluateAsync<string>("getComputedStyle(document.body).fontSize"));
    }
}
