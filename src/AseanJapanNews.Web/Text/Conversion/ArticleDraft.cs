namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// What the converter made of a raw pasted text: metadata, a Markdown body in the site's content
/// format, and every piece it threw away, so an editor can review the draft before publishing.
/// </summary>
/// <param name="Title">The headline, cleaned of spam and segmentation.</param>
/// <param name="Date">Publication instant from a header or dateline; null when the text states none with a year.</param>
/// <param name="DateHasTime">True when the dateline gave a time of day, not only a day.</param>
/// <param name="Summary">The sapo (lead paragraph); it is not repeated in <paramref name="Body"/>.</param>
/// <param name="SuggestedTags">Keywords from a trailing keyword line, for the editor to accept or not.</param>
/// <param name="Source">Outlet the article was taken from ("VnExpress", "Báo Nhân Dân").</param>
/// <param name="SourceUrl">The original article's address when the text contains it.</param>
/// <param name="Author">Byline in normal case ("Hải Ngọc").</param>
/// <param name="Body">Markdown: paragraphs separated by a blank line, captions as figures, subheads as "## ".</param>
/// <param name="Removals">What was removed and why, in input order where known.</param>
public sealed record ArticleDraft(
    string Title,
    DateTimeOffset? Date,
    bool DateHasTime,
    string? Summary,
    IReadOnlyList<string> SuggestedTags,
    string? Source,
    string? SourceUrl,
    string? Author,
    string Body,
    IReadOnlyList<Removal> Removals);

/// <summary>One thing the converter removed from the raw text.</summary>
/// <param name="Text">The removed text as it read after encoding clean-up.</param>
/// <param name="Rule">Short rule name an editor can read ("spam", "furniture", "related-news block").</param>
/// <param name="Line">1-based line number in the input, when known.</param>
public sealed record Removal(string Text, string Rule, int? Line);
