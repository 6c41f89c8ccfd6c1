namespace AseanJapanNews.Web.Data;

public enum ArticleStatus
{
    Draft = 0,
    /// <summary>Published, or scheduled when <see cref="Article.PublishedAtUtc"/> is still in the future.</summary>
    Published = 1,
    Trashed = 2,
}

public class Article
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>The sapo: the lead paragraph under the headline.</summary>
    public string Summary { get; set; } = "";

    /// <summary>Markdown, rendered by the one pipeline in <c>Content/ArticleMarkdown.cs</c>.</summary>
    public string Body { get; set; } = "";

    /// <summary>UTC instant; SQLite cannot order DateTimeOffset, so offsets live only at the edges.</summary>
    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>False when the source gave only a day: the date line then shows no time.</summary>
    public bool PublishedTimeKnown { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The row's last write, by an editor or an import: what the admin list sorts by and caches watch.</summary>
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>
    /// When readers are told the text last changed (dateModified, feeds, sitemaps): an editor's save, or an import
    /// of a changed file. Null for an article as first imported: loading a 2020 article today is not a revision.
    /// </summary>
    public DateTime? RevisedAtUtc { get; set; }

    public string? Author { get; set; }
    public string? SourceName { get; set; }
    public string? SourceUrl { get; set; }
    public ArticleStatus Status { get; set; }

    /// <summary>SHA-256 of the content file last imported into this article.</summary>
    public string? ContentHash { get; set; }

    /// <summary>Path of the content file relative to the content folder, or null for admin-made articles.</summary>
    public string? OriginFile { get; set; }

    /// <summary>
    /// The one-time key of the admin form that created this article, or null: a second post of the same form (a double
    /// click, a resend after a timeout) finds the article it already made instead of making another.
    /// </summary>
    public string? CreationKey { get; set; }

    /// <summary>Set when an editor changes an imported article, so a later import does not overwrite them.</summary>
    public bool EditedSinceImport { get; set; }

    /// <summary>Where a trashed article goes back to when it is restored.</summary>
    public ArticleStatus? StatusBeforeTrash { get; set; }

    /// <summary>Bumped on every save; a save based on an older version is refused (two editors, one article).</summary>
    public int Version { get; set; }

    public List<Tag> Tags { get; set; } = [];
    public List<ArticleRevision> Revisions { get; set; } = [];
}

public class Tag
{
    public int Id { get; set; }

    /// <summary>Display name with diacritics: "Nhật Bản".</summary>
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>Key whose ordinal order is Vietnamese alphabetical order (see VietnameseCollation).</summary>
    public required string SortKey { get; set; }

    public List<Article> Articles { get; set; } = [];
}
