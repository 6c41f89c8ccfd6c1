using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Content;

namespace AseanJapanNews.Tests.Controllers;

/// <summary>The one Markdown pipeline never passes raw HTML through, on the page or in isolation.</summary>
public sealed class MarkdownSafetyTests(MarkdownSafetyTests.App app) : IClassFixture<MarkdownSafetyTests.App>
{
    public sealed class App : NewsAppFactory
    {
        public App() => Content.WriteArticle("html.md", "Bài có HTML", "2023-12-17", body: """
            Đoạn mở đầu.

            <script>alert('xss')</script>

            Chữ <b onclick="alert(1)">đậm</b> và <img src=x onerror=alert(2)>.

            ^^^
            ^^^ Chú thích *nghiêng*. Ảnh: TTXVN
            """);
    }

    [Fact]
    public async Task ArticlePage_EscapesRawHtmlInTheBody()
    {
        var page = await HtmlPage.GetAsync(app.Client(), "/articles/bai-co-html");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var body = page.Document.QuerySelector(".article-body")!;
        Assert.Empty(body.QuerySelectorAll("script, b, img, [onclick], [onerror]"));
        Assert.Contains("<script>alert('xss')</script>", body.TextContent, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page.Html, StringComparison.Ordinal);
        Assert.Equal("Chú thích nghiêng. Ảnh: TTXVN", page.Text(".article-body figure figcaption"));
        Assert.NotNull(body.QuerySelector("figcaption em"));
    }

    [Fact]
    public void ToHtml_EscapesHtmlBlocksAndInlineTags()
    {
        var html = ArticleMarkdown.ToHtml("<div onclick=\"x()\">khối</div>\n\nChữ <i>nghiêng</i>.");
        Assert.DoesNotContain("<div", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;div", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_TurnsCaptionFencesIntoFigcaptions() =>
        Assert.Contains("<figcaption>Đại diện các nước. Ảnh: BNG</figcaption>", ArticleMarkdown.ToHtml("^^^\n^^^ Đại diện các nước. Ảnh: BNG\n"), StringComparison.Ordinal);

    [Theory]
    [InlineData("[bấm](javascript:alert(1))")]
    [InlineData("[bấm]( JavaScript:alert(1) )")]
    [InlineData("[bấm](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[bấm](vbscript:msgbox)")]
    public void ToHtml_DropsLinksToScriptSchemes(string markdown)
    {
        var html = ArticleMarkdown.ToHtml(markdown);
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[nguồn](https://nhandan.vn/bai)", "https://nhandan.vn/bai")]
    [InlineData("[chủ đề](/tags/asean)", "/tags/asean")]
    [InlineData("[mục](#muc-1)", "#muc-1")]
    [InlineData("[thư](mailto:toasoan@example.vn)", "mailto:toasoan@example.vn")]
    public void ToHtml_KeepsWebRelativeAndMailLinks(string markdown, string href) =>
        Assert.Contains($"href=\"{href}\"", ArticleMarkdown.ToHtml(markdown), StringComparison.Ordinal);

    [Fact]
    public void ToPlainText_GivesTheWordsOfParagraphsHeadingsAndCaptions_WithoutMarkup()
    {
        var text = ArticleMarkdown.ToPlainText("""
            Đoạn **một** có [liên kết](https://nhandan.vn).

            ## Tiêu đề phụ

            ^^^
            ^^^ Thủ tướng tại Tokyo. Ảnh: Nhật Bắc
            """);

        Assert.Equal("Đoạn một có liên kết.\nTiêu đề phụ\nThủ tướng tại Tokyo. Ảnh: Nhật Bắc", text);
    }
}
