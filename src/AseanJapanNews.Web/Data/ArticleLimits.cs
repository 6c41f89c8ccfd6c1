namespace AseanJapanNews.Web.Data;

/// <summary>
/// How long an article's fields may be: one set of limits for the database columns, the content files and the admin
/// form, so that whatever one of them accepts the others can hold and save again.
/// </summary>
public static class ArticleLimits
{
    /// <summary>
    /// The longest body, in characters, that the importer, the admin form and the database columns accept: one limit, so that any article
    /// an import made can be saved again by an editor.
    /// </summary>
    public const int MaxBodyLength = 200_000;

    // The other fields' limits, defined here for the same reason. The form edits the tags as one
    // comma-separated field ("ASEAN, Nhật Bản"), which has a length limit of its own.
    public const int MaxTitleLength = 300;
    public const int MaxSummaryLength = 2000;
    public const int MaxTags = 15;
    public const int MaxTagLength = 100;
    public const int MaxTagListLength = 1000;
    public const int MaxAuthorLength = 200;
    public const int MaxSourceLength = 200;
    public const int MaxSourceUrlLength = 2000;

    /// <summary>A source address an article may link: absolute http or https, nothing else (no javascript:, no relative path).</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
