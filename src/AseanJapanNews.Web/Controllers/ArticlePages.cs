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
        var found = await catalog.Articles.FindAsync(slug, ct);
        if (found is null)
        {
            return null;
        }
        var (previousId, nextId) = await catalog.Articles.NeighbourIdsAsync(found, ct);
        var relatedIds = await related.IdsAsync(found.Id, ct);
        // The neighbours and the related articles in one query, rather than one each.
        var links = await catalog.Articles.LinksByIdAsync([.. new[] { previousId, nextId }.OfType<int>(), .. relatedIds], ct);
        var relatedShown = relatedIds
            .Where(id => id != found.Id && links.ContainsKey(id))
            .Select(id => links[id])
            .Take(RelatedArticles.Count)
            .ToList();
        var article = View(found);
        return new ArticlePage(
            article, relatedShown, Link(previousId), Link(nextId), metadata.OpenGraph(article), metadata.JsonLd(article));

        ArticleLink? Link(int? id) => id is { } linked ? links.GetValueOrDefault(linked) : null;
    }

    /// <summary>The article with its body rendered by the site's one Markdown pipeline.</summary>
    private static ArticleView View(ReaderArticle article) =>
        new(article.Slug, article.Title, article.Summary, ArticleMarkdown.ToHtml(article.Body),
            article.PublishedAtUtc, article.TimeKnown, article.RevisedAtUtc,
            article.Author, article.SourceName, article.SourceUrl, article.Tags)
        {
            Id = article.Id,
            ReadingMinutes = ReadingTime.Minutes(article.Summary + " " + ArticleMarkdown.ToPlainText(article.Body)),
        };
}
