using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Tests.Content;

/// <summary>
/// Article files get the raw-text converter's character clean-up: what Word and web pages paste in (vertical tabs,
/// NUL, zero-width spaces, decomposed diacritics) never reaches the database, the pages or the feeds.
/// </summary>
public sealed class ImportedTextHygieneTests : DatabaseTest
{
    private static bool IsInvisibleOrControl(char c) =>
        char.IsControl(c) && c != '\n' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    [Fact]
    public async Task Import_DropsControlAndZeroWidthCharacters_FromEveryField()
    {
        Store.Content.Write("a.md", """
            title: "Hội nghị\vcấp cao\u200b ASEAN"
            date: 2023-12-17
            summary: "Sapo\u0000 có NUL"
            tags: ["Ki\u200bnh tế", "Hà Nội\u200b"]
            author: "Hải\u00a0Ngọc"
            """, "Dòng một\vdòng hai.\n\nĐoạn\u0000 có NUL\u200b.\n\n    mã\tthụt lề");
        Store.Content.WriteArticle("b.md", "Bài khác", "2023-12-18", "[Kinh tế, Hà Nội]");
        // Above, YAML escapes make the characters; here they are in the file itself.
        Store.Content.WriteArticle("c.md", "Bài​ ba", "2023-12-19", "[\"Hà​ Nội\", \"Kinh tế​\"]");

        var report = await Store.ImportAsync();

        Assert.Equal((3, 0), (report.Added, report.Failed));
        var article = await Store.QueryAsync(db => db.Articles.Include(a => a.Tags).SingleAsync(a => a.OriginFile == "articles/a.md", Ct));
        Assert.Equal("Hội nghị cấp cao ASEAN", article.Title);
        Assert.Equal("Sapo có NUL", article.Summary);
        Assert.Equal("Hải Ngọc", article.Author);
        // Markdown layout stays: paragraphs, the indented code line and its tab.
        Assert.Equal("Dòng một dòng hai.\n\nĐoạn có NUL.\n\n    mã\tthụt lề", article.Body);
        Assert.DoesNotContain(article.Body + article.Title + article.Summary, c => c != '\t' && IsInvisibleOrControl(c));

        // One tag row each, shared with the file that typed them cleanly: no visible duplicate, no hidden character.
        var tags = await Store.QueryAsync(db => db.Tags.Include(t => t.Articles).OrderBy(t => t.Slug).ToListAsync(Ct));
        Assert.Equal(["ha-noi", "kinh-te"], tags.Select(t => t.Slug));
        Assert.Equal(["Hà Nội", "Kinh tế"], tags.Select(t => t.Name));
        Assert.All(tags, t => Assert.Equal(3, t.Articles.Count));
        Assert.Equal("Bài ba", await Store.QueryAsync(db => db.Articles.Where(a => a.OriginFile == "articles/c.md").Select(a => a.Title).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Import_StoresDecomposedVietnameseComposed()
    {
        // "Hà Nội" typed on a Mac or copied from some PDFs: a base letter followed by combining marks (NFD).
        var hanoi = "Hà Nội".Normalize(NormalizationForm.FormD);
        var body = "Thủ đô Hà Nội đón khách quốc tế.".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Hà Nội", hanoi);
        Store.Content.WriteArticle("a.md", $"Tin {hanoi}", "2023-12-17", $"[\"{hanoi}\"]", body: body);
        Store.Content.WriteArticle("b.md", "Tin khác", "2023-12-18", "[Hà Nội]");

        await Store.ImportAsync();

        var article = await Store.QueryAsync(db => db.Articles.SingleAsync(a => a.OriginFile == "articles/a.md", Ct));
        Assert.Equal("Tin Hà Nội", article.Title);
        Assert.Equal("Thủ đô Hà Nội đón khách quốc tế.", article.Body);
        var tag = Assert.Single(await Store.QueryAsync(db => db.Tags.ToListAsync(Ct)));
        Assert.Equal(("ha-noi", "Hà Nội"), (tag.Slug, tag.Name));
    }

    [Fact]
    public async Task Feeds_AndTheArticlePage_StayValid_WhenAFileHasControlCharacters()
    {
        await using var app = new NewsAppFactory();
        app.Content.WriteArticle("word-paste.md", "Bài dán\vtừ Word", "2024-05-30T08:00:00+07:00", "[ASEAN]",
            body: "Dòng một\vdòng hai.\n\nKý tự NUL\u0000 ở đây, và \u000c ngắt trang.");

        foreach (var feed in new[] { "/feed.xml", "/atom.xml", "/tags/asean/feed.xml" })
        {
            var response = await app.Client().GetAsync(feed, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Contains("Bài dán từ Word", xml.ToString(), StringComparison.Ordinal);
        }
        var page = await app.Client().GetAsync("/articles/bai-dan-tu-word", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain('\0', html);
        Assert.DoesNotContain('\v', html);
        Assert.Contains("Dòng một dòng hai.", html, StringComparison.Ordinal);
    }
}
