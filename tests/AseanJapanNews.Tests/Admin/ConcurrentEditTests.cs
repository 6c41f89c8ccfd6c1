using System.Net;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Admin;

public sealed class ConcurrentEditTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task The_second_of_two_concurrent_saves_is_refused_naming_who_saved_and_keeping_the_typed_text()
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
        Assert.Contains("lan@tin.example.vn", alert);
        Assert.Contains("chưa được lưu", alert);
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
    public async Task Trashing_from_a_page_opened_before_someone_elses_save_is_refused()
    {
        var lan = await app.SignInAsync("lan@tin.example.vn");
        var minh = await app.SignInAsync("minh@tin.example.vn");
        var id = (await lan.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài bị chuyển vào thùng rác muộn"), button: "publish")).ArticleId;
        var minhsPage = await minh.GetAsync($"/admin/articles/{id}");
        await lan.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?> { ["Form.Body"] = "Lan vừa sửa." }, button: "save");

        var trash = await minh.SubmitAsync(minhsPage, new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/trash");

        Assert.Equal(HttpStatusCode.Redirect, trash.Status);
        Assert.Equal(AseanJapanNews.Web.Data.ArticleStatus.Published, (await app.ArticleAsync(id)).Status);
        Assert.Contains("lan@tin.example.vn", (await minh.GetAsync(trash.Location!)).Text(".flash"));
    }
}
