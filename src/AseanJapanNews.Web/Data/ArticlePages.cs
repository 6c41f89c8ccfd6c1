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
        // The neighbours and the related articles in one summaries query, rather than one each.
        var summaries = await catalog.SummariesByIdAsync([.. new[] { previousId, nextId }.OfType<int>(), .. relatedIds], ct);
        var relatedShown = relatedIds
            .Where(id => id != article.Id && summaries.ContainsKey(id))
            .Select(id => summaries[id])
            .Take(RelatedArticles.Count)
            .ToList();
        return new ArticlePage(
            article, relatedShown, Summary(previousId), Summary(nextId), metadata.OpenGraph(article), metadata.JsonLd(article));

        ArticleSummary? Summary(int? id) => id is { } found ? summaries.GetValueOrDefault(found) : null;
    }
}
