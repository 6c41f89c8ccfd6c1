using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>Moves the clock, so it has a factory of its own.</summary>
public sealed class SchedulingTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task A_scheduled_article_is_hidden_until_its_minute_and_then_appears_without_a_restart()
    {
        var editor = await app.SignInAsEditorAsync();
        // The clock reads 2024-06-01 12:00 in Vietnam; the article is due at 18:30 that day.
        var saved = await editor.SubmitAsync("/admin/articles/new",
            ArticleFields.Of("Bài hẹn giờ đăng buổi chiều", tags: "Hẹn giờ", date: "2024-06-01", time: "18:30"), button: "publish");
        var article = await app.ArticleAsync(saved.ArticleId);

        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(new DateTime(2024, 6, 1, 11, 30, 0, DateTimeKind.Utc), article.PublishedAtUtc);
        Assert.Equal(HttpStatusCode.NotFound, await app.ReaderStatusAsync(article.Slug));
        Assert.DoesNotContain("Bài hẹn giờ đăng buổi chiều", (await HtmlPage.GetAsync(app.Client(), "/")).BodyText, StringComparison.Ordinal);
        Assert.Contains("Bài hẹn giờ đăng buổi chiều", (await editor.GetAsync("/admin/articles?state=Scheduled")).Texts(".admin-table td a"));
        Assert.Contains(await app.AuditAsync(), e => e.Action == "schedule" && e.Subject == article.Slug);

        app.Clock.Now = new DateTimeOffset(2024, 6, 1, 18, 29, 0, TimeSpan.FromHours(7));
        Assert.Equal(HttpStatusCode.NotFound, await app.ReaderStatusAsync(article.Slug));

        app.Clock.Now = new DateTimeOffset(2024, 6, 1, 18, 30, 0, TimeSpan.FromHours(7));
        Assert.Equal(HttpStatusCode.OK, await app.ReaderStatusAsync(article.Slug));
        Assert.Contains("Bài hẹn giờ đăng buổi chiều", (await HtmlPage.GetAsync(app.Client(), "/")).BodyText, StringComparison.Ordinal);
        Assert.Contains("Bài hẹn giờ đăng buổi chiều", (await HtmlPage.GetAsync(app.Client(), "/tags/hen-gio")).BodyText, StringComparison.Ordinal);
        Assert.Contains("Bài hẹn giờ đăng buổi chiều", (await editor.GetAsync("/admin/articles?state=Published")).Texts(".admin-table td a"));
    }
}
