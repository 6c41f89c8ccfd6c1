using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>An article's life in the admin area, as readers see it at each step.</summary>
public sealed class ArticleLifecycleTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private static Dictionary<string, string> Version(int version) => new() { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task A_new_article_is_a_draft_that_readers_cannot_open()
    {
        var editor = await app.SignInAsEditorAsync();

        var saved = await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bản nháp chưa ai thấy", tags: "Nháp, Thử nghiệm"), button: "save");

        var article = await app.ArticleAsync(saved.ArticleId);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal("ban-nhap-chua-ai-thay", article.Slug);
        Assert.Equal(["Nháp", "Thử nghiệm"], article.Tags.Select(t => t.Name).Order());
        Assert.Equal(HttpStatusCode.NotFound, await app.ReaderStatusAsync(article.Slug));
    }

    [Fact]
    public async Task EditingADraftChangesIt_AndPublishingShowsItToReaders()
    {
        var editor = await app.SignInAsEditorAsync();
        var id = (await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài sắp đăng"), button: "save")).ArticleId;

        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?> { ["Form.Body"] = "Nội dung đã sửa lại." }, button: "save");
        var edited = await app.ArticleAsync(id);
        var published = await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), button: "publish");

        Assert.Equal("Nội dung đã sửa lại.", edited.Body);
        Assert.Equal(ArticleStatus.Draft, edited.Status);
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        var article = await app.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, article.PublishedAtUtc);
        var page = await HtmlPage.GetAsync(app.Client(), $"/articles/{article.Slug}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Nội dung đã sửa lại.", page.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnpublishingTakesTheArticleOffTheSite_AndBackToDraft()
    {
        var editor = await app.SignInAsEditorAsync();
        var id = (await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài sẽ bị gỡ"), button: "publish")).ArticleId;
        var slug = (await app.ArticleAsync(id)).Slug;
        Assert.Equal(HttpStatusCode.OK, await app.ReaderStatusAsync(slug));

        var result = await editor.PostWithTokenAsync($"/admin/articles/{id}/unpublish", Version((await app.ArticleAsync(id)).Version));

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal(ArticleStatus.Draft, (await app.ArticleAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, await app.ReaderStatusAsync(slug));
    }

    [Fact]
    public async Task TheUnpublishButtonOfTheEditFormAlsoReturnsTheArticleToDraft()
    {
        var editor = await app.SignInAsEditorAsync();
        var id = (await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài gỡ bằng nút trong biểu mẫu"), button: "publish")).ArticleId;

        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), button: "unpublish");

        var article = await app.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal(HttpStatusCode.NotFound, await app.ReaderStatusAsync(article.Slug));
    }

    [Fact]
    public async Task A_trashed_article_is_gone_for_readers_and_comes_back_with_its_tags_and_history()
    {
        var editor = await app.SignInAsEditorAsync();
        var id = (await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài vào thùng rác", tags: "Rác, Khôi phục"), button: "publish")).ArticleId;
        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?> { ["Form.Body"] = "Bản sửa thứ hai." }, button: "save");
        var before = await app.ArticleAsync(id);

        var trashed = await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/trash");

        Assert.Equal(HttpStatusCode.Redirect, trashed.Status);
        Assert.Equal(ArticleStatus.Trashed, (await app.ArticleAsync(id)).Status);
        Assert.Contains(await app.ReaderStatusAsync(before.Slug), new[] { HttpStatusCode.NotFound, HttpStatusCode.Gone });
        var trashList = await editor.GetAsync("/admin/articles?state=Trash");
        Assert.Contains("Bài vào thùng rác", trashList.Texts(".admin-table td a"));
        Assert.DoesNotContain("Bài vào thùng rác", (await editor.GetAsync("/admin/articles")).Texts(".admin-table td a"));

        var restored = await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/restore");

        Assert.Equal(HttpStatusCode.Redirect, restored.Status);
        var article = await app.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(["Khôi phục", "Rác"], article.Tags.Select(t => t.Name).Order());
        Assert.Equal("Bản sửa thứ hai.", article.Body);
        Assert.Equal(HttpStatusCode.OK, await app.ReaderStatusAsync(article.Slug));
        var revisions = await app.RevisionsAsync(id);
        Assert.Equal([1, 2, 3, 4], revisions.Select(r => r.Number));
    }

    [Fact]
    public async Task A_trashed_article_offers_no_publish_button_and_refuses_every_save_until_restored()
    {
        var editor = await app.SignInAsEditorAsync();
        var id = (await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài nằm trong thùng rác", body: "Bản gốc."), button: "publish")).ArticleId;
        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/trash");
        var page = await editor.GetAsync($"/admin/articles/{id}");
        var buttons = page.Document.QuerySelectorAll("form#article-form button[name=submit]").Select(b => b.GetAttribute("value")).ToList();
        Assert.DoesNotContain("publish", buttons);
        Assert.Contains("khôi phục", page.Text("#article-form"), StringComparison.OrdinalIgnoreCase);

        foreach (var submit in new[] { "save", "publish", "unpublish" })
        {
            var refused = await editor.SubmitAsync(page, new Dictionary<string, string?> { ["Form.Body"] = $"Bản sửa ({submit})", ["submit"] = submit });

            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("thùng rác", refused.Page.Text(".errors"), StringComparison.Ordinal);
            Assert.Equal($"Bản sửa ({submit})", refused.FieldValue("Form.Body"));
        }
        var revision = await editor.PostWithTokenAsync($"/admin/articles/{id}/revisions/1/restore", Version((await app.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, revision.Status);

        var article = await app.ArticleAsync(id);
        Assert.Equal((ArticleStatus.Trashed, ArticleStatus.Published, "Bản gốc."), (article.Status, article.StatusBeforeTrash, article.Body));
        Assert.Equal(2, (await app.RevisionsAsync(id)).Count);
        Assert.Equal(HttpStatusCode.NotFound, await app.ReaderStatusAsync(article.Slug));
    }

    [Fact]
    public async Task OnlyAnAdminCanPurge_AndOnlyFromTheTrash()
    {
        var editor = await app.SignInAsEditorAsync();
        var admin = await app.SignInAsAdminAsync();
        var id = (await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài sẽ bị xóa hẳn", tags: "Xóa hẳn"), button: "publish")).ArticleId;
        var slug = (await app.ArticleAsync(id)).Slug;

        var notInTrash = await admin.PostWithTokenAsync($"/admin/articles/{id}/purge", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, notInTrash.Status);
        Assert.Equal(ArticleStatus.Published, (await app.ArticleAsync(id)).Status);

        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/trash");
        var editorPage = await editor.GetAsync($"/admin/articles/{id}");
        Assert.DoesNotContain(editorPage.Document.QuerySelectorAll("form"), f => f.GetAttribute("action") == $"/admin/articles/{id}/purge");
        using (var response = await editor.Client.SendAsync(await PurgeRequestAsync(editor, id), TestContext.Current.CancellationToken))
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden ||
                (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/admin/denied", StringComparison.Ordinal)),
                $"an editor's purge answered {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.Equal(ArticleStatus.Trashed, (await app.ArticleAsync(id)).Status);

        var purged = await admin.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/purge");

        Assert.Equal(HttpStatusCode.Redirect, purged.Status);
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Articles.Any(a => a.Id == id))));
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Revisions.Any(r => r.ArticleId == id))));
        Assert.Equal(HttpStatusCode.NotFound, await app.ReaderStatusAsync(slug));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/articles/{id}")).Status);
    }

    private static async Task<HttpRequestMessage> PurgeRequestAsync(AdminSession session, int id)
    {
        var page = await session.GetAsync($"/admin/articles/{id}");
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new HttpRequestMessage(HttpMethod.Post, $"/admin/articles/{id}/purge")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
    }

    [Fact]
    public async Task TheArticleListFiltersByStateTag_AndTitle_WithoutDiacritics()
    {
        var editor = await app.SignInAsEditorAsync();
        await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Hợp tác năng lượng sạch Việt – Nhật", tags: "Năng lượng lọc"), button: "save");
        await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Hợp tác đường sắt đô thị", tags: "Năng lượng lọc"), button: "publish");

        var drafts = (await editor.GetAsync("/admin/articles?state=Draft&tag=nang-luong-loc")).Texts(".admin-table td a");
        var published = (await editor.GetAsync("/admin/articles?state=Published&tag=nang-luong-loc")).Texts(".admin-table td a");
        var searched = (await editor.GetAsync("/admin/articles?q=" + Uri.EscapeDataString("nang luong sach"))).Texts(".admin-table td a");

        Assert.Equal(["Hợp tác năng lượng sạch Việt – Nhật"], drafts);
        Assert.Equal(["Hợp tác đường sắt đô thị"], published);
        Assert.Contains("Hợp tác năng lượng sạch Việt – Nhật", searched);
        Assert.DoesNotContain("Hợp tác đường sắt đô thị", searched);
    }
}
