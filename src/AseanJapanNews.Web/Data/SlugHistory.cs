using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Data;

/// <summary>An article's earlier addresses: a new slug keeps the old one working, as a redirect.</summary>
public static class SlugHistory
{
    /// <summary>
    /// Gives a saved article a new slug (not yet saved: the caller's save writes both); its old address then sends
    /// readers on to the new one, and an old address the article takes back is its own again.
    /// </summary>
    public static async Task ChangeSlugAsync(NewsDbContext db, Article article, string slug, CancellationToken ct)
    {
        if (article.Slug == slug || article.Id == 0)
        {
            article.Slug = slug;
            return;
        }
        if (await db.SlugRedirects.FindAsync([article.Slug], ct) is { } earlier)
        {
            earlier.ArticleId = article.Id;
        }
        else
        {
            db.SlugRedirects.Add(new SlugRedirect { OldSlug = article.Slug, ArticleId = article.Id });
        }
        if (await db.SlugRedirects.FindAsync([slug], ct) is { } back)
        {
            db.SlugRedirects.Remove(back);
        }
        article.Slug = slug;
    }
}
