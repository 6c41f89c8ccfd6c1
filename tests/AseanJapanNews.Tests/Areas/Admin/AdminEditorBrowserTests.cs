using System.Text.RegularExpressions;
using AseanJapanNews.Tests.Browser;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>
/// Runs in the one browser collection (one app, one Chromium per run). The articles these tests publish are
/// removed afterwards, so the reader pages' browser tests always see the launch content alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AdminEditorBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
        return ValueTask.CompletedTask;
    }

    /// <summary>Deletes what the editor made (launch articles all come from files), through SaveChanges so caches and search follow.</summary>
    public async ValueTask DisposeAsync() =>
        await browser.App.WithDbAsync(async db =>
        {
            db.Articles.RemoveRange(await db.Articles.Where(a => a.OriginFile == null).ToListAsync());
            return await db.SaveChangesAsync();
        });

    private async Task<IPage> SignedInPageAsync(string email)
    {
        await browser.App.CreateAccountAsync(email, Roles.Editor);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(AdminAppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/articles$"));
        return page;
    }

    [Fact]
    public async Task AnEditorWrites_WithLiveSlug_AndPreviewPicksATagPublishes_AndReadersFindTheArticle()
    {
        var page = await SignedInPageAsync("trinh-duyet@tin.example.vn");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "admin-article-list.png"), FullPage = true });

        await page.GotoAsync("/admin/articles/new");
        await page.Locator("#Form_Title").PressSequentiallyAsync("Hội nghị ASEAN – Nhật Bản về kinh tế số");
        await Expect(page.Locator("#Form_Slug")).ToHaveAttributeAsync("placeholder", "hoi-nghi-asean-nhat-ban-ve-kinh-te-so");

        await page.Locator("#Form_Body").FillAsync("Đoạn mở đầu có **chữ đậm**.\n\n## Tiêu đề phụ\n\nĐoạn thứ hai.");
        await Expect(page.Locator("[data-preview-target] h2")).ToHaveTextAsync("Tiêu đề phụ");
        await Expect(page.Locator("[data-preview-target] strong")).ToHaveTextAsync("chữ đậm");

        await page.Locator("#Form_Tags").FillAsync("Kinh tế số");
        await page.Locator(".tag-suggestion[data-tag='Nhật Bản']").ClickAsync();
        await Expect(page.Locator("#Form_Tags")).ToHaveValueAsync("Kinh tế số, Nhật Bản");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "admin-editor.png"), FullPage = true });

        await page.Locator("button[value=publish]").ClickAsync();
        await Expect(page).ToHaveURLAsync(ArticleUrl());
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã lưu");
        await Expect(page.Locator("h1 .state")).ToHaveTextAsync("Đã đăng");

        const string title = "Hội nghị ASEAN – Nhật Bản về kinh tế số";
        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/articles/hoi-nghi-asean-nhat-ban-ve-kinh-te-so");
        await Expect(reader.Locator("h1")).ToHaveTextAsync(title);
        await Expect(reader.Locator(".article-body h2")).ToHaveTextAsync("Tiêu đề phụ");
        foreach (var listing in new[] { "/", "/tags/kinh-te-so", "/tags/nhat-ban", "/archive/2024/6" })
        {
            await reader.GotoAsync(listing);
            await Expect(reader.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task RawTextPastedInTheBrowserBecomesAFilledFormThatPublishes()
    {
        var page = await SignedInPageAsync("tho@tin.example.vn");
        var seed = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Seeds, "004_8c3fbe30120e4584.txt"), TestContext.Current.CancellationToken);

        await page.GotoAsync("/admin/articles/import");
        await page.Locator("#Text").FillAsync(seed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Chuyển thành bản nháp" }).ClickAsync();

        await Expect(page.Locator("#Form_Title")).ToHaveValueAsync("Việt Nam và Nhật Bản tăng cường quan hệ đối tác chiến lược sâu rộng");
        await Expect(page.Locator("[data-preview-target] p").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "admin-import-filled.png"), FullPage = true });
        await page.Locator("#Form_Tags").FillAsync("Việt Nam, Nhật Bản, Từ văn bản thô");
        await page.Locator("button[value=publish]").ClickAsync();
        await Expect(page).ToHaveURLAsync(ArticleUrl());

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/tags/tu-van-ban-tho");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Việt Nam và Nhật Bản tăng cường quan hệ đối tác chiến lược sâu rộng" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ClickingAgain_WhileTheSaveIsOnItsWaySendsOnePost_WithTheFirstButtonPressed()
    {
        const string title = "Bài bấm xuất bản ba lần";
        var page = await SignedInPageAsync("bam-nhieu-lan@tin.example.vn");
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" && request.Url.EndsWith("/admin/articles/new", StringComparison.Ordinal) ? 1 : 0;
        // A slow server: the editor sees nothing happen and clicks again. Every post the browser sends reaches the
        // app, as on a real network; a browser that has since moved on to a later submission just drops the answer.
        await page.RouteAsync("**/admin/articles/new", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            await Task.Delay(1500);
            var response = await route.FetchAsync(new() { MaxRedirects = 0 });
            try
            {
                await route.FulfillAsync(new() { Response = response });
            }
            catch (PlaywrightException)
            {
            }
        });
        await page.GotoAsync("/admin/articles/new");
        await page.Locator("#Form_Title").FillAsync(title);
        await page.Locator("#Form_Body").FillAsync("Nội dung.");

        // Clicks as an impatient editor makes them, while the first save is on its way (Playwright's own clicks
        // would wait for the navigation): publish, then "Lưu", then publish again.
        await page.EvaluateAsync("""
            () => {
                const click = value => document.querySelector(`#article-form button[value=${value}]`).click();
                click("publish");
                setTimeout(() => click("save"), 300);
                setTimeout(() => click("publish"), 600);
            }
            """);

        await Expect(page).ToHaveURLAsync(ArticleUrl(), new() { Timeout = 15_000 });
        await Expect(page.Locator("h1 .state")).ToHaveTextAsync("Đã đăng");
        var saved = await browser.App.WithDbAsync(db => db.Articles.Where(a => a.Title == title).Select(a => a.Status).ToListAsync());
        Assert.Equal([ArticleStatus.Published], saved);
        Assert.Equal(1, posts);
    }

    [GeneratedRegex(@"/admin/articles/\d+$")]
    private static partial Regex ArticleUrl();
}
