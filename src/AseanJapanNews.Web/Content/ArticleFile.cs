namespace AseanJapanNews.Web.Content;

/// <summary>One article as written in the content folder: YAML front matter plus a Markdown body.</summary>
public sealed record ArticleFile
{
    /// <summary>
    /// The longest body, in characters, that the importer and the admin form accept: one limit, so that any article
    /// an import made can be saved again by an editor.
    /// </summary>
    public const int MaxBodyLength = 200_000;

    // The admin form's other limits, defined here for the same reason. The form edits the tags as one
    // comma-separated field ("ASEAN, Nhật Bản"), which has a length limit of its own.
    public const int MaxTitleLength = 300;
    public const int MaxSummaryLength = 2000;
    public const int MaxTags = 15;
    public const int MaxTagLength = 100;
    public const int MaxTagListLength = 1000;
    public const int MaxAuthorLength = 200;
    public const int MaxSourceLength = 200;
    public const int MaxSourceUrlLength = 2000;

    public required string Title { get; init; }
    public string? Slug { get; init; }

    /// <summary>Publication instant; when only a day was given it is that day's 00:00 in Vietnam.</summary>
    public DateTimeOffset? Date { get; init; }
    public bool DateHasTime { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Source { get; init; }
    public string? SourceUrl { get; init; }
    public string? Author { get; init; }
    public bool Draft { get; init; }
    public string Body { get; init; } = "";

    /// <summary>The file's line (1-based) where the body starts, or the closing '---' when it is empty; 0 when not read from a file.</summary>
    public int BodyLine { get; init; }
}

/// <summary>Why a content file could not be read; <see cref="Line"/> is 1-based within the file when known.</summary>
public sealed class ArticleFileException(string message, int? line = null) : Exception(message)
{
    public int? Line { get; } = line;
}
