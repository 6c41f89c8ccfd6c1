using System.Net;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>A post larger than the server reads gets a Vietnamese page saying so, never a 500.</summary>
public sealed class OversizedPostTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private static readonly string FiveMegabytes = string.Concat(Enumerable.Repeat("Văn bản dán từ trang báo rất dài. ", 160_000));

    [Fact]
    public async Task RawTextOver4MBPastedIntoTheImportPageGetsATooLargePageInVietnamese()
    {
        var editor = await app.SignInAsEditorAsync();

        var result = await editor.SubmitAsync("/admin/articles/import", new Dictionary<string, string?> { ["Text"] = FiveMegabytes });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, result.Status);
        Assert.Equal("Nội dung quá lớn", result.Page.Text(".error-page h1"));
        Assert.Contains("Văn bản gửi lên quá lớn", result.Page.Text(".error-page"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArticleBodyOf5MBGetsATooLargePageInVietnamese()
    {
        var editor = await app.SignInAsEditorAsync();

        var result = await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài quá lớn", body: FiveMegabytes), button: "save");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, result.Status);
        Assert.Equal("Nội dung quá lớn", result.Page.Text(".error-page h1"));
        Assert.Contains("Văn bản gửi lên quá lớn", result.Page.Text(".error-page"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Articles.Any(a => a.Title == "Bài quá lớn"))));
    }
}
