using AseanJapanNews.Tests.TestSupport;
using Microsoft.Playwright;

namespace AseanJapanNews.Tests.Browser;

/// <summary>The site on a 390×844 phone: no sideways scrolling, text large enough to read.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserFixture browser) : IAsyncLifetime
{
    private IPage page = null!;

    public async ValueTask InitializeAsync() => page = await browser.NewPageAsync(390, 844, phone: true);

    public async ValueTask DisposeAsync() => await page.Context.CloseAsync();

    public static TheoryData<string> PhonePages => new(
        LaunchContent.Articles.Keys.Select(s => $"/articles/{s}").Concat(["/", "/articles?tag=asean&from=2023-01-01", "/tags", "/archive"]));

    [Theory]
    [MemberData(nameof(PhonePages))]
    public async Task PhonePage_HasNoHorizontalScroll(string url)
    {
        await page.GotoAsync(url);

        var (scrollWidth, innerWidth) = await WidthsAsync();
        Assert.True(scrollWidth <= innerWidth, $"{url}: content is {scrollWidth}px wide on a {innerWidth}px screen");
    }

    [Fact]
    public async Task ArticleOnAPhone_HasReadableText()
    {
        await page.GotoAsync($"/articles/{LaunchContent.Summit55Yen}");

        var body = await page.EvaluateAsync<double[]>("""
            (() => {
              const p = document.querySelector('.article-body p');
              const s = getComputedStyle(p);
              const r = p.getBoundingClientRect();
              return [parseFloat(s.fontSize), parseFloat(s.lineHeight) || 0, r.left, window.innerWidth - r.right];
            })()
            """);
        Assert.True(body[0] >= 16, $"body text is {body[0]}px");
        Assert.True(body[1] >= body[0] * 1.3, $"line height {body[1]}px for {body[0]}px text");
        Assert.True(body[2] >= 8 && body[3] >= 8, $"margins {body[2]}px / {body[3]}px");
        var title = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.querySelector('h1.article-title')).fontSize)");
        Assert.True(title > body[0], "the headline is larger than the body text");
    }

    private async Task<(int ScrollWidth, int InnerWidth)> WidthsAsync()
    {
        var widths = await page.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }
}
