using AseanJapanNews.Web.Models;
using AseanJapanNews.Web.Syndication;

namespace AseanJapanNews.Web.Data;

/// <summary>Everything an article page shows: the article, its neighbours and "Đọc thêm".</summary>
public sealed class ArticlePages(ArticleCatalog catalog, RelatedArticles related, ArticleMetadata metadata)
{
    public async Task<ArticlePage?> FindAsync(string slug, CancellationToken ct)
    {
        var article = await catalog.FindAsync(slug, ct);
        if (article is null)
        {
            return null;
        }
        var (previousId, nextId) = await catalog.NeighbourIdsAsync(article, ct);
        var relatedIds = await related.IdsAsync(article.Id, ct);
        // The neighbours and the related articles in one query, rather than one each.
        var links = await catalog.LinksByIdAsync([.. new[] { previousId, nextId }.OfType<int>(), .. relatedIds], ct);
        var relatedShown = relatedIds
            .Where(id => id != article.Id && links.ContainsKey(id))
            .Select(id => links[id])
            .Take(RelatedArticles.Count)
            .ToList();
        return new ArticlePage(
            article, relatedShown, Link(previousId), Link(nextId), metadata.OpenGraph(article), metadata.JsonLd(article));

        ArticleLink? Link(int? id) => id is { } found ? links.GetValueOrDefault(found) : null;
    }
}
