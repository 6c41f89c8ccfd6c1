using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Models;
using AseanJapanNews.Web.Search;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Web.Controllers;

/// <summary>Everything an article page shows: the article, its neighbours, "Đọc thêm" and the page's metadata.</summary>
public sealed class ArticlePages(ArticleCatalog catalog, RelatedArticles related, ArticleMetadata metadata)
{
    public async Task<ArticlePage?> FindAsync(string slug, CancellationToken ct)
    {
        var article = await catalog.Articles.FindAsync(slug, ct);
        if (article is null)
        {
            return null;
        }
        var (previousId, nextId) = await catalog.Articles.NeighbourIdsAsync(article, ct);
        // A few more than shown: one hidden since the picture was last brought up to date still leaves five.
        await related.Ready.WaitAsync(ct);
        var relatedIds = related.For(article.Id, RelatedArticles.Count + 3);
        // The neighbours and the related articles in one query, rather than one each.
        var links = await catalog.Articles.LinksByIdAsync([.. new[] { previousId, nextId }.OfType<int>(), .. relatedIds], ct);
        var relatedShown = relatedIds
            .Where(id => id != article.Id && links.ContainsKey(id))
            .Select(id => links[id])
            .Take(RelatedArticles.Count)
            .ToList();
        return new ArticlePage(
            article, ArticleMarkdown.ToHtml(article.Body), ReadingTime.Minutes(article.Summary + " " + ArticleMarkdown.ToPlainText(article.Body)),
            relatedShown, Link(previousId), Link(nextId), metadata.OpenGraph(article), metadata.JsonLd(article));

        ArticleLink? Link(int? id) => id is { } linked ? links.GetValueOrDefault(linked) : null;
    }
}
