using System.Net;
using AseanJapanNews.Tests.Content;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>
/// A body the Markdown pipeline cannot take (nesting Markdig throws on, markup that costs it quadratic time) gave a 500
/// on save and on preview, and the editor's text was lost. Now: the page, a Vietnamese message beside the body, the
/// text as typed.
/// </summary>
public sealed class UnparseableBodyTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    public static TheoryData<string> Bodies => new(BrokenFiles.Names.Where(n => n.StartsWith("markdown-", StringComparison.Ordinal)));

    private static string BodyOf(string name)
    {
        var file = BrokenFiles.All[name];
        return file[(file.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..].Trim('\n');
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Saving_IsRefusedBesideTheBody_AndTheTextIsKept(string name)
    {
        var editor = await app.SignInAsEditorAsync();
        var body = BodyOf(name);
        var before = await app.WithDbAsync(db => Task.FromResult(db.Articles.Count()));

        var result = await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài có nội dung lạ", body: body), button: "publish");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.StartsWith("Nội dung chưa lưu được: ", result.FieldError("Form.Body"), StringComparison.Ordinal);
        Assert.Equal(body, result.FieldValue("Form.Body"));
        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.Articles.Count())));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task ThePreviewButton_ShowsThePageWithTheMessage(string name)
    {
        var editor = await app.SignInAsEditorAsync();
        var body = BodyOf(name);

        var result = await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài có nội dung lạ", body: body), button: "preview");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(body, result.FieldValue("Form.Body"));
        Assert.StartsWith("Nội dung chưa lưu được: ", result.FieldError("Form.Body"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task TheLivePreview_AnswersWithTheMessage(string name)
    {
        var editor = await app.SignInAsEditorAsync();

        var result = await editor.PostWithTokenAsync("/admin/articles/preview", new Dictionary<string, string> { ["body"] = BodyOf(name) }, "/admin/articles/new");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.StartsWith("Nội dung chưa lưu được: ", result.Page.Text(".preview-error"), StringComparison.Ordinal);
    }
}
