using System.Net;
using AseanJapanNews.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>
/// The new-article form posted twice (a double click with the script off, a resend after a timeout) makes one
/// article; the same form sent again with other text is a second article, never lost.
/// </summary>
public sealed class DoubleSubmitTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<int> CountTitledAsync(string title) => app.WithDbAsync(db => db.Articles.CountAsync(a => a.Title == title, Ct));

    [Fact]
    public async Task TheSameFormPostedTwiceMakesOneArticle_AndBothPostsLeadToIt()
    {
        var editor = await app.SignInAsync("minh@tin.example.vn");
        var form = await editor.GetAsync("/admin/articles/new");
        var fields = ArticleFields.Of("Bài gửi hai lần liền");

        var first = await editor.SubmitAsync(form, fields, button: "publish");
        var second = await editor.SubmitAsync(form, fields, button: "publish");

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);
        Assert.Equal(first.Location, second.Location);
        Assert.Equal(1, await CountTitledAsync("Bài gửi hai lần liền"));
    }

    [Fact]
    public async Task A_repeat_with_a_typed_slug_leads_to_its_article_rather_than_saying_the_slug_is_taken()
    {
        var editor = await app.SignInAsync("minh@tin.example.vn");
        var form = await editor.GetAsync("/admin/articles/new");
        var fields = ArticleFields.Of("Bài có đường dẫn tự gõ gửi hai lần", slug: "duong-dan-tu-go-gui-hai-lan");

        var first = await editor.SubmitAsync(form, fields, button: "save");
        var second = await editor.SubmitAsync(form, fields, button: "save");

        Assert.Equal(HttpStatusCode.Redirect, second.Status);
        Assert.Equal(first.Location, second.Location);
    }

    [Fact]
    public async Task TheSameFormPostedTwiceAtOnceMakesOneArticle()
    {
        var editor = await app.SignInAsync("minh@tin.example.vn");
        var form = await editor.GetAsync("/admin/articles/new");
        var fields = ArticleFields.Of("Bài gửi hai lần cùng lúc");

        var posts = await Task.WhenAll(editor.SubmitAsync(form, fields, button: "save"), editor.SubmitAsync(form, fields, button: "save"));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.Status));
        Assert.Equal(1, await CountTitledAsync("Bài gửi hai lần cùng lúc"));
    }

    [Fact]
    public async Task TheSameFormSentAgain_WithOtherTextMakesASecondArticle()
    {
        var editor = await app.SignInAsync("minh@tin.example.vn");
        var form = await editor.GetAsync("/admin/articles/new");

        var first = await editor.SubmitAsync(form, ArticleFields.Of("Bài thứ nhất từ một trang"), button: "save");
        // Back in the browser to the filled-in page, the text changed, saved again: another article.
        var second = await editor.SubmitAsync(form, ArticleFields.Of("Bài thứ hai từ cùng trang đó"), button: "save");

        Assert.NotEqual(first.Location, second.Location);
        Assert.Equal(1, await CountTitledAsync("Bài thứ nhất từ một trang"));
        Assert.Equal(1, await CountTitledAsync("Bài thứ hai từ cùng trang đó"));
    }

    [Fact]
    public async Task EachOpeningOfTheNewArticlePageHasItsOwnKey_AndAnEditPageNone()
    {
        var editor = await app.SignInAsync("minh@tin.example.vn");
        string Key(HtmlPage page) => AdminSession.FieldsOf(page.Document.QuerySelector("form#article-form")!).GetValueOrDefault("Form.CreationKey", "");

        var one = Key(await editor.GetAsync("/admin/articles/new"));
        var other = Key(await editor.GetAsync("/admin/articles/new"));
        var saved = await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài để mở trang sửa"), button: "save");

        Assert.Matches("^[0-9a-f]{32}$", one);
        Assert.NotEqual(one, other);
        Assert.Equal("", Key(await editor.GetAsync(saved.Location!)));
    }
}
