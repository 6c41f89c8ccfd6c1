using System.Net;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Areas.Admin;

public sealed class RevisionTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task EverySaveKeepsOneRevision_WithWho_AndTheFullArticle()
    {
        var editor = await app.SignInAsEditorAsync();
        var id = (await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài có lịch sử", body: "Lần một."), button: "save")).ArticleId;

        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?> { ["Form.Body"] = "Lần hai." }, button: "save");
        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?> { ["Form.Body"] = "Lần ba.", ["Form.Tags"] = "Lịch sử" }, button: "save");

        var revisions = await app.RevisionsAsync(id);
        Assert.Equal([1, 2, 3], revisions.Select(r => r.Number));
        Assert.Equal(["Lần một.", "Lần hai.", "Lần ba."], revisions.Select(r => r.Body));
        Assert.All(revisions, r => Assert.Equal("bientap@tin.example.vn", r.SavedBy));
        Assert.Equal("Lịch sử", revisions[2].Tags);
        var page = await editor.GetAsync($"/admin/articles/{id}/revisions");
        Assert.Equal(3, page.Document.QuerySelectorAll(".admin-table tbody tr").Length);
    }

    [Fact]
    public async Task TheDiffBetweenTwoRevisionsShowsTheChangedWords()
    {
        var editor = await app.SignInAsEditorAsync();
        var id = (await editor.SubmitAsync("/admin/articles/new",
            ArticleFields.Of("Bài để so sánh", body: "Đoạn một không đổi.\n\nThủ tướng thăm Tokyo vào tháng Năm."), button: "save")).ArticleId;
        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>
        {
            ["Form.Body"] = "Đoạn một không đổi.\n\nThủ tướng thăm Osaka vào tháng Sáu.",
        }, button: "save");

        var diff = await editor.GetAsync($"/admin/articles/{id}/revisions/diff?from=1&to=2");

        Assert.Equal(HttpStatusCode.OK, diff.Status);
        var removed = string.Join("\n", diff.Texts("del"));
        var added = string.Join("\n", diff.Texts("ins"));
        Assert.Contains("Tokyo", removed, StringComparison.Ordinal);
        Assert.Contains("tháng Năm", removed, StringComparison.Ordinal);
        Assert.Contains("Osaka", added, StringComparison.Ordinal);
        Assert.Contains("tháng Sáu", added, StringComparison.Ordinal);
        Assert.DoesNotContain("Đoạn một không đổi", removed + added, StringComparison.Ordinal);
        Assert.DoesNotContain("Tiêu đề", diff.Texts(".diff h3"));
    }

    [Fact]
    public async Task RestoringARevisionMakesItCurrentAsANewRevision()
    {
        var editor = await app.SignInAsEditorAsync();
        var id = (await editor.SubmitAsync("/admin/articles/new",
            ArticleFields.Of("Bài khôi phục bản cũ", body: "Bản đầu tiên tốt nhất.", tags: "Bản cũ"), button: "publish")).ArticleId;
        await editor.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>
        {
            ["Form.Title"] = "Bài bị sửa hỏng",
            ["Form.Body"] = "Bản sửa hỏng.",
            ["Form.Tags"] = "Hỏng",
        }, button: "save");

        var restored = await editor.SubmitAsync($"/admin/articles/{id}/revisions", new Dictionary<string, string?>(),
            formAction: $"/admin/articles/{id}/revisions/1/restore");

        Assert.Equal(HttpStatusCode.Redirect, restored.Status);
        var article = await app.ArticleAsync(id);
        Assert.Equal("Bài khôi phục bản cũ", article.Title);
        Assert.Equal("Bản đầu tiên tốt nhất.", article.Body);
        Assert.Equal(["Bản cũ"], article.Tags.Select(t => t.Name));
        Assert.Equal(AseanJapanNews.Web.Data.ArticleStatus.Published, article.Status);
        var revisions = await app.RevisionsAsync(id);
        Assert.Equal(3, revisions.Count);
        Assert.Equal("Bản đầu tiên tốt nhất.", revisions[2].Body);
        Assert.Contains("#1", revisions[2].Reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await app.ReaderStatusAsync(article.Slug));
    }
}
