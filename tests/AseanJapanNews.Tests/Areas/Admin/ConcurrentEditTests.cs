using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Tests.Areas.Admin;

public sealed class ConcurrentEditTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task TheSecondOfTwoConcurrentSavesIsRefusedNamingWhoSaved_AndKeepingTheTypedText()
    {
        var lan = await app.SignInAsync("lan@tin.example.vn");
        var minh = await app.SignInAsync("minh@tin.example.vn");
        var id = (await lan.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài hai người cùng sửa", body: "Bản gốc."), button: "save")).ArticleId;
        var lansPage = await lan.GetAsync($"/admin/articles/{id}");
        var minhsPage = await minh.GetAsync($"/admin/articles/{id}");

        var first = await lan.SubmitAsync(lansPage, new Dictionary<string, string?> { ["Form.Body"] = "Bản của Lan." }, button: "save");
        var second = await minh.SubmitAsync(minhsPage, new Dictionary<string, string?> { ["Form.Body"] = "Bản của Minh, gõ rất lâu.", ["Form.Title"] = "Tiêu đề của Minh" }, button: "save");

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        var alert = second.Page.Text(".conflict");
        Assert.Contains("lan@tin.example.vn", alert, StringComparison.Ordinal);
        Assert.Contains("chưa được lưu", alert, StringComparison.Ordinal);
        Assert.Equal("Bản của Minh, gõ rất lâu.", second.FieldValue("Form.Body"));
        Assert.Equal("Tiêu đề của Minh", second.FieldValue("Form.Title"));
        var stored = await app.ArticleAsync(id);
        Assert.Equal("Bản của Lan.", stored.Body);
        Assert.Equal("Bài hai người cùng sửa", stored.Title);
        Assert.Equal(2, (await app.RevisionsAsync(id)).Count);

        var overwrite = await minh.SubmitAsync(second.Page, new Dictionary<string, string?>(), button: "save");

        Assert.Equal(HttpStatusCode.Redirect, overwrite.Status);
        var after = await app.ArticleAsync(id);
        Assert.Equal("Bản của Minh, gõ rất lâu.", after.Body);
        Assert.Equal("Tiêu đề của Minh", after.Title);
        Assert.Equal(["lan@tin.example.vn", "lan@tin.example.vn", "minh@tin.example.vn"], (await app.RevisionsAsync(id)).Select(r => r.SavedBy));
    }

    [Fact]
    public async Task A_tab_opened_before_the_article_was_trashed_cannot_publish_it_again()
    {
        var lan = await app.SignInAsync("lan@tin.example.vn");
        var minh = await app.SignInAsync("minh@tin.example.vn");
        var id = (await lan.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài bị gỡ khi người khác đang sửa"), button: "publish")).ArticleId;
        var slug = (await app.ArticleAsync(id)).Slug;
        var minhsPage = await minh.GetAsync($"/admin/articles/{id}");
        await lan.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/trash");

        var conflict = await minh.SubmitAsync(minhsPage, new Dictionary<string, string?> { ["Form.Title"] = "Tiêu đề Minh sửa" }, button: "publish");

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains("Bài đã bị chuyển vào thùng rác bởi lan@tin.example.vn", conflict.Page.Text(".conflict"), StringComparison.Ordinal);
        Assert.Contains("− Thùng rác", conflict.Page.Texts(".conflict .diff del"));
        Assert.Equal("Tiêu đề Minh sửa", conflict.FieldValue("Form.Title"));
        var buttons = conflict.Page.Document.QuerySelectorAll("form#article-form button[name=submit]").Select(b => b.GetAttribute("value")).ToList();
        Assert.DoesNotContain("publish", buttons);
        Assert.DoesNotContain("save", buttons);

        // What the stale tab's old "Lưu và giữ xuất bản" button would still send, now with the current version.
        var forced = await minh.SubmitAsync(conflict.Page, new Dictionary<string, string?> { ["submit"] = "publish" });

        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.Contains("thùng rác", forced.Page.Text(".errors"), StringComparison.Ordinal);
        Assert.Contains("khôi phục", forced.Page.Text(".errors"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Tiêu đề Minh sửa", forced.FieldValue("Form.Title"));
        var article = await app.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Trashed, article.Status);
        Assert.Equal(ArticleStatus.Published, article.StatusBeforeTrash);
        Assert.Equal("Bài bị gỡ khi người khác đang sửa", article.Title);
        Assert.Equal(HttpStatusCode.NotFound, await app.ReaderStatusAsync(slug));
    }

    [Fact]
    public async Task TrashingFromAPageOpened_BeforeSomeoneElsesSaveIsRefused()
    {
        var lan = await app.SignInAsync("lan@tin.example.vn");
        var minh = await app.SignInAsync("minh@tin.example.vn");
        var id = (await lan.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài bị chuyển vào thùng rác muộn"), button: "publish")).ArticleId;
        var minhsPage = await minh.GetAsync($"/admin/articles/{id}");
        await lan.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?> { ["Form.Body"] = "Lan vừa sửa." }, button: "save");

        var trash = await minh.SubmitAsync(minhsPage, new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/trash");

        Assert.Equal(HttpStatusCode.Redirect, trash.Status);
        Assert.Equal(ArticleStatus.Published, (await app.ArticleAsync(id)).Status);
        Assert.Contains("lan@tin.example.vn", (await minh.GetAsync(trash.Location!)).Text(".flash"), StringComparison.Ordinal);
    }
}
