using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Tests.TestSupport;

/// <summary>
/// Articles for tests that put rows in the database directly (many of them, or ones no form would write), with the
/// fields every article needs filled in; a test sets only what it is about.
/// </summary>
public static class TestArticles
{
    /// <summary>
    /// An article with <paramref name="title"/>, its slug derived unless given, published at <paramref name="publishedAtUtc"/>
    /// (or in the state given), saved at <paramref name="savedAtUtc"/> (default: its publication).
    /// </summary>
    public static Article Make(
        string title, DateTime? publishedAtUtc, string? slug = null, string body = "Nội dung.",
        ArticleStatus status = ArticleStatus.Published, DateTime? savedAtUtc = null, List<Tag>? tags = null)
    {
        var saved = savedAtUtc ?? publishedAtUtc ?? new DateTime(2024, 6, 1, 5, 0, 0, DateTimeKind.Utc);
        return new Article
        {
            Slug = slug ?? Slug.From(title),
            Title = title,
            Body = body,
            Status = status,
            PublishedAtUtc = publishedAtUtc,
            CreatedAtUtc = saved,
            UpdatedAtUtc = saved,
            Tags = tags ?? [],
        };
    }
}
