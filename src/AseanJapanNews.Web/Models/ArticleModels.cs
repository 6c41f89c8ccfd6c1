using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Web.Models;

public sealed record TagLink(string Name, string Slug)
{
    public string Path => ReaderPaths.Tag(Slug);
}

/// <summary>An article as lists show it: never the body.</summary>
public sealed record ArticleSummary(string Slug, string Title, string Summary, DateTime PublishedAtUtc, IReadOnlyList<TagLink> Tags)
{
    public string Path => ReaderPaths.Article(Slug);
    public string ShortDate => VietnamTime.ShortDate(PublishedAtUtc);
    public string IsoDate => VietnamTime.Iso(PublishedAtUtc);
}

/// <summary>A link to an article, as the article page's neighbours and "Đọc thêm" show it: title and date only.</summary>
public sealed record ArticleLink(string Slug, string Title, DateTime PublishedAtUtc)
{
    public string Path => ReaderPaths.Article(Slug);
    public string ShortDate => VietnamTime.ShortDate(PublishedAtUtc);
    public string IsoDate => VietnamTime.Iso(PublishedAtUtc);
}

/// <summary>The article page.</summary>
public sealed record ArticleView(
    string Slug,
    string Title,
    string Summary,
    string BodyHtml,
    DateTime PublishedAtUtc,
    bool TimeKnown,
    DateTime? RevisedAtUtc,
    string? Author,
    string? SourceName,
    string? SourceUrl,
    IReadOnlyList<TagLink> Tags)
{
    public int Id { get; init; }
    public int ReadingMinutes { get; init; } = 1;

    public string DateLine => VietnamTime.DateLine(PublishedAtUtc, TimeKnown);
    public string IsoDate => VietnamTime.Iso(PublishedAtUtc);

    /// <summary>Last revision, never before publication (a scheduled article may be written long before it appears).</summary>
    public DateTime ModifiedAtUtc => VietnamTime.Latest(PublishedAtUtc, RevisedAtUtc);
}

/// <summary>The article page: the article, what to read next, and its metadata for search engines and link previews.</summary>
public sealed record ArticlePage(
    ArticleView Article,
    IReadOnlyList<ArticleLink> Related,
    ArticleLink? Previous,
    ArticleLink? Next,
    IReadOnlyList<KeyValuePair<string, string>> OpenGraph,
    string JsonLd);

/// <summary>A list page: its heading, the articles, and the filters that produced it.</summary>
public sealed record ArticleListPage(string Heading, PagedList<ArticleSummary> Articles, ArticleListQuery Query, string Path)
{
    public IReadOnlyList<TagLink> ActiveTags { get; init; } = [];
    public string? Description { get; init; }

    /// <summary>The RSS feed of this list's subject (a tag page's tag), when it has one.</summary>
    public string? FeedPath { get; init; }

    /// <summary>False on the archive's pages, whose period is their subject rather than a filter a reader sets.</summary>
    public bool OffersDateFilter { get; init; } = true;
}

public sealed record TagCount(string Name, string Slug, int Count)
{
    public string Path => ReaderPaths.Tag(Slug);
}

public sealed record ArchiveMonth(int Year, int Month, int Count);

public sealed record ArchiveIndex(IReadOnlyList<ArchiveMonth> Months)
{
    public IEnumerable<IGrouping<int, ArchiveMonth>> Years => Months.GroupBy(m => m.Year);
}

public sealed record ErrorPage(int StatusCode, string Title, string Message);

/// <summary>The search page: what was asked (after parsing), the results, and the list filters that narrowed them.</summary>
public sealed record SearchPage(Search.SearchTerms Terms, Search.SearchResults Results, ArticleListQuery Filters, IReadOnlyList<TagLink> ActiveTags)
{
    public Pagination Pagination => Pagination.ForSearch(Terms.Text, Filters, Results.Page, Results.TotalPages);
}

/// <summary>An article as feeds carry it: the Markdown body is rendered by the feed writer.</summary>
public sealed record FeedArticle(
    string Slug, string Title, string Summary, string Body, DateTime PublishedAtUtc, DateTime? RevisedAtUtc,
    string? Author, string? SourceName, string? SourceUrl, IReadOnlyList<TagLink> Tags)
{
    public DateTime ModifiedAtUtc => VietnamTime.Latest(PublishedAtUtc, RevisedAtUtc);
}

public sealed record SitemapArticle(string Slug, DateTime PublishedAtUtc, DateTime? RevisedAtUtc)
{
    public DateTime LastModifiedUtc => VietnamTime.Latest(PublishedAtUtc, RevisedAtUtc);
}

public sealed record SitemapTag(string Slug, DateTime LatestUtc);

/// <summary>A month (Vietnam time) of visible articles: one article sitemap, listed in the sitemap index.</summary>
public sealed record SitemapMonth(int Year, int Month, DateTime LastModifiedUtc);

/// <summary>The pages that are not articles: home, tag pages, archive months.</summary>
public sealed record SitemapPages(IReadOnlyList<SitemapTag> Tags, IReadOnlyList<SitemapMonth> Months);
