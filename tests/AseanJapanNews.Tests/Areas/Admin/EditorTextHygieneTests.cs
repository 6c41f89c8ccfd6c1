using System.Net;
using System.Xml.Linq;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Editorial;
using Microsoft.EntityFrameworkCore;
using static AseanJapanNews.Tests.Caching.CacheTestSupport;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>
/// What an editor pastes gets the clean-up imported files get: a Word paste brings vertical tabs, NULs, zero-width
/// spaces and decomposed diacritics, and one vertical tab in a body made every feed that carried it invalid XML.
/// </summary>
public sealed class EditorTextHygieneTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PastedControlAndZeroWidthCharacters_AreCleaned_AndTheFeedsStayValid()
    {
        // "Sếu" typed decomposed (e + combining marks), a zero-width space inside a tag, control characters in the body.
        var title = "Se\u0302\u0301u đầu đỏ\u200b về Tràm Chim";
        var changes = Changes(title, "Sếu\u200b đầu đỏ", app.Clock.Now.AddHours(-1),
            body: "Đoạn một\u000b có tab dọc.\r\n\r\nĐoạn hai có NUL\u0000 và\u200b khoảng trắng rỗng.");
        var id = await CreateAsync(app, changes, SaveIntent.Publish);

        var saved = await app.WithDbAsync(db => db.Articles.Include(a => a.Tags).SingleAsync(a => a.Id == id, Ct));
        Assert.Equal("Sếu đầu đỏ về Tràm Chim", saved.Title);
        Assert.Equal(["Sếu đầu đỏ"], saved.Tags.Select(t => t.Name));
        Assert.Equal("seu-dau-do", saved.Tags[0].Slug);
        Assert.DoesNotContain(saved.Body, c => char.IsControl(c) && c != '\n');
        Assert.DoesNotContain('\u200b', saved.Body);

        using var reader = app.Client();
        foreach (var feed in new[] { "/feed.xml", "/atom.xml", "/tags/seu-dau-do/feed.xml" })
        {
            var response = await FetchAsync(reader, feed);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Contains("Sếu đầu đỏ về Tràm Chim", XDocument.Parse(response.Body).ToString(), StringComparison.Ordinal);
        }
    }
}
