using AseanJapanNews.Tests.TestSupport;
using Microsoft.Playwright;

namespace AseanJapanNews.Tests.Browser;

/// <summary>Writes screenshots of the main pages to TestResults/screenshots on every run, for people to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture browser)
{
    private static readonly string Folder = BrowserFixture.ScreenshotFolder;

    public static TheoryData<string, string, int, int> Shots => new()
    {
        { "home", "/", 1280, 900 },
        { "article-desktop", $"/articles/{LaunchContent.Summit55Yen}", 1280, 900 },
        { "article-phone", $"/articles/{LaunchContent.Summit55Yen}", 390, 844 },
        { "article-phone-end", $"/articles/{LaunchContent.Summit55Yen}#end", 390, 844 },
        { "home-phone", "/", 390, 844 },
        { "articles-filtered", "/articles?tag=asean&from=2023-01-01", 1280, 900 },
        { "tags", "/tags", 1280, 900 },
        { "archive", "/archive", 1280, 900 },
        { "not-found", "/articles/bai-khong-ton-tai", 1280, 900 },
        { "bad-request", "/articles?from=2023-13-45", 1280, 900 },
    };

    [Theory]
    [MemberData(nameof(Shots))]
    public async Task Screenshot_IsWritten(string name, string url, int width, int height)
    {
        var page = await browser.NewPageAsync(width, height, phone: width < 600);
        try
        {
            await page.GotoAsync(url);
            await page.Locator("h1").First.WaitForAsync();
            if (url.EndsWith("#end", StringComparison.Ordinal))
            {
                await page.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
            }
            Directory.CreateDirectory(Folder);
            var file = Path.Combine(Folder, $"{name}.png");
            // A phone screen at a time (a full phone page is too tall to look at); whole pages on a desktop.
            await page.ScreenshotAsync(new() { Path = file, FullPage = width >= 600 });
            Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
