using AseanJapanNews.Web.Text.Conversion;

namespace AseanJapanNews.Web.Content;

/// <summary>Raw text → converter draft → the content format. Converted texts are always drafts for review.</summary>
public static class DraftFiles
{
    public static ArticleFile ToArticleFile(ArticleDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new ArticleFile
        {
            Title = draft.Title,
            Date = draft.Date,
            DateHasTime = draft.DateHasTime,
            Summary = draft.Summary,
            Tags = draft.SuggestedTags,
            Source = draft.Source,
            SourceUrl = draft.SourceUrl,
            Author = draft.Author,
            Draft = true,
            Body = draft.Body,
        };
    }

    /// <summary>True when the converter found something that reads as an article.</summary>
    public static bool HoldsArticle(ArticleDraft draft) =>
        !string.IsNullOrWhiteSpace(draft.Title) && !string.IsNullOrWhiteSpace(draft.Body + draft.Summary);

    /// <summary>"spam (dòng 3): kết quả xsmb" — what the editor and the import log are shown.</summary>
    public static IReadOnlyList<string> Describe(ArticleDraft draft) =>
        draft.Removals.Select(r => r.Line is { } line ? $"{r.Rule} (dòng {line}): {Clip(r.Text)}" : $"{r.Rule}: {Clip(r.Text)}").ToList();

    private static string Clip(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
