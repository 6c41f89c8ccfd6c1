using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Web.Content;

/// <summary>
/// Which article field a file's field is, both ways: the importer reads with it and the exporter writes with it, so
/// an export imported into an empty database gives the same articles. Slug and tags are resolved by the importer
/// (a slug may be taken, tags are shared rows).
/// </summary>
public static class ArticleFileMapping
{
    /// <summary>The file's fields onto the article: text, date, credits and whether it is a draft.</summary>
    public static void ApplyTo(ArticleFile file, Article article)
    {
        article.Title = file.Title;
        article.Summary = file.Summary ?? "";
        article.Body = file.Body;
        article.PublishedAtUtc = file.Date?.UtcDateTime;
        article.PublishedTimeKnown = file.DateHasTime;
        article.Author = file.Author;
        article.SourceName = file.Source;
        article.SourceUrl = file.SourceUrl;
        article.Status = file.Draft ? ArticleStatus.Draft : ArticleStatus.Published;
    }

    /// <summary>The article as a file (a scheduled article is a published one with a future date).</summary>
    public static ArticleFile ToFile(Article article, IReadOnlyList<string> tags) => new()
    {
        Title = article.Title,
        Slug = article.Slug,
        Date = article.PublishedAtUtc is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
        DateHasTime = article.PublishedTimeKnown,
        Summary = article.Summary.Length > 0 ? article.Summary : null,
        Tags = tags,
        Source = article.SourceName,
        SourceUrl = article.SourceUrl,
        Author = article.Author,
        Draft = article.Status == ArticleStatus.Draft,
        Body = article.Body,
    };
}
