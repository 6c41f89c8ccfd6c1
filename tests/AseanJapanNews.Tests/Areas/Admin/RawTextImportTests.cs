using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Tests.Areas.Admin;

public sealed class RawTextImportTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private static string Seed => File.ReadAllText(Path.Combine(RepoPaths.Seeds, "000_c01327253a1728db.txt"));

    private Task<int> ArticleCountAsync() => app.WithDbAsync(db => Task.FromResult(db.Articles.Count()));

    [Fact]
    public async Task PastedRawTextFillsTheArticleFormListsWhatWasRemoved_AndSavesNothing()
    {
        var editor = await app.SignInAsEditorAsync();
        var before = await ArticleCountAsync();

        var result = await editor.SubmitAsync("/admin/articles/import", new Dictionary<string, string?> { ["Text"] = Seed });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("Kỷ niệm 50 năm thiết lập quan hệ, Nhật Bản hỗ trợ ASEAN 55 tỉ yên", result.FieldValue("Form.Title"));
        Assert.Contains("Nhật Bản và ASEAN nhất trí", result.FieldValue("Form.Body"), StringComparison.Ordinal);
        var form = AdminSession.FieldsOf(AdminSession.FindForm(result.Page, "/admin/articles/new"));
        Assert.DoesNotContain(form.Where(f => f.Key.StartsWith("Form.", StringComparison.Ordinal)), f => f.Value.Contains("xsmb", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(result.Page.Texts(".removed li"));
        Assert.Equal(before, await ArticleCountAsync());
    }

    [Fact]
    public async Task AnUploadedTxtFileFillsTheFormToo()
    {
        var editor = await app.SignInAsEditorAsync();
        var page = await editor.GetAsync("/admin/articles/import");
        var fields = AdminSession.FieldsOf(AdminSession.FindForm(page, "/admin/articles/import"));
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        content.Add(new ByteArrayContent(File.ReadAllBytes(Path.Combine(RepoPaths.Seeds, "000_c01327253a1728db.txt"))), "File", "bai.txt");

        using var response = await editor.Client.PostAsync("/admin/articles/import", content, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"Kỷ niệm 50 năm thiết lập quan hệ, Nhật Bản hỗ trợ ASEAN 55 tỉ yên\"", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFilledFormSavesAsANewArticle_WithItsTags_WhenTheEditorPublishes()
    {
        var editor = await app.SignInAsEditorAsync();
        var filled = await editor.SubmitAsync("/admin/articles/import", new Dictionary<string, string?> { ["Text"] = Seed });

        var saved = await editor.SubmitAsync(filled.Page, new Dictionary<string, string?> { ["Form.Tags"] = "ASEAN, Nhật Bản, Viện trợ" }, button: "publish");

        var article = await app.ArticleAsync(saved.ArticleId);
        Assert.Equal("Kỷ niệm 50 năm thiết lập quan hệ, Nhật Bản hỗ trợ ASEAN 55 tỉ yên", article.Title);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(["ASEAN", "Nhật Bản", "Viện trợ"], article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("xsmb", article.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, await app.ReaderStatusAsync(article.Slug));
    }

    [Fact]
    public async Task EmptyTextIsRefused_WithAMessage()
    {
        var editor = await app.SignInAsEditorAsync();

        var result = await editor.SubmitAsync("/admin/articles/import", new Dictionary<string, string?> { ["Text"] = "   " });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Hãy dán văn bản", result.FieldError("Text"), StringComparison.Ordinal);
    }
}
