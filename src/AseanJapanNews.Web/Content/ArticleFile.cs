using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Web.Content;

/// <summary>One article as written in the content folder: YAML front matter plus a Markdown body.</summary>
public sealed record ArticleFile
{
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

    /// <summary>
    /// The first field the admin form would refuse, as its front matter key and a Vietnamese reason; null when an
    /// editor can open the article and save it unchanged. The body's limit is checked where the body is read.
    /// </summary>
    public (string Key, string Reason)? BeyondFormLimits()
    {
        if (TooLong("title", "tiêu đề", Title, ArticleLimits.MaxTitleLength) is { } title)
        {
            return title;
        }
        if (TooLong("summary", "sapo", Summary, ArticleLimits.MaxSummaryLength) is { } summary)
        {
            return summary;
        }
        // The tags as the article will have them: one per slug, none without letters or digits.
        var tags = Tags.Select(t => t.Trim()).Where(t => Text.Slug.From(t).Length > 0).DistinctBy(Text.Slug.From).ToList();
        if (tags.Count > ArticleLimits.MaxTags)
        {
            return ("tags", $"quá nhiều chủ đề ('tags'): {tags.Count}, tối đa {ArticleLimits.MaxTags} (như trang biên tập)");
        }
        foreach (var tag in tags.Where(t => !TagSet.IsUsable(t)))
        {
            return ("tags", tag.Length > ArticleLimits.MaxTagLength
                ? $"chủ đề '{tag}' quá dài: {tag.Length} ký tự, tối đa {ArticleLimits.MaxTagLength} (như trang biên tập)"
                : $"chủ đề '{tag}' có dấu phẩy hoặc chấm phẩy: trang biên tập sẽ tách nó thành nhiều chủ đề");
        }
        var listLength = string.Join(TagSet.ListSeparator, tags).Length;
        if (listLength > ArticleLimits.MaxTagListLength)
        {
            return ("tags", string.Create(VietnameseText.Culture,
                $"danh sách chủ đề ('tags') quá dài: {listLength:N0} ký tự khi ghép bằng dấu phẩy, tối đa {ArticleLimits.MaxTagListLength:N0} (như trang biên tập)"));
        }
        return TooLong("author", "tác giả", Author, ArticleLimits.MaxAuthorLength)
            ?? TooLong("source", "nguồn", Source, ArticleLimits.MaxSourceLength)
            ?? TooLong("source_url", "địa chỉ nguồn", SourceUrl, ArticleLimits.MaxSourceUrlLength);
    }

    private static (string Key, string Reason)? TooLong(string key, string field, string? value, int max) =>
        value?.Length > max
            ? (key, string.Create(VietnameseText.Culture, $"{field} ('{key}') quá dài: {value.Length:N0} ký tự, tối đa {max:N0} (như trang biên tập)"))
            : null;
}

/// <summary>Why a content file could not be read; <see cref="Line"/> is 1-based within the file when known.</summary>
public sealed class ArticleFileException(string message, int? line = null) : Exception(message)
{
    public int? Line { get; } = line;
}
