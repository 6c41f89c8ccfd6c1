namespace AseanJapanNews.Web.Data;

/// <summary>
/// An address an article had before an editor changed its slug: links to it, shared and indexed, send readers on to
/// the article's address now instead of a 404.
/// </summary>
public class SlugRedirect
{
    public required string OldSlug { get; set; }
    public int ArticleId { get; set; }
}
