using AseanJapanNews.Web.Content;

namespace AseanJapanNews.Web.Search;

/// <summary>
/// An article's text as the search index stores it: title, tags, sapo and body as plain words, each folded and
/// with diacritics (<see cref="SearchText.ForIndex"/>). Making it is the costly part of indexing (Markdown to
/// text, every word folded), so a bulk writer makes it away from the single database writer.
/// </summary>
public sealed record SearchDocument(SearchText.Indexed Title, SearchText.Indexed Tags, SearchText.Indexed Summary, SearchText.Indexed Body)
{
    public static SearchDocument From(string title, IEnumerable<string> tags, string summary, string markdown) =>
        new(SearchText.ForIndex(title), TagText(tags), SearchText.ForIndex(summary), SearchText.ForIndex(ArticleMarkdown.ToPlainText(markdown)));

    /// <summary>The same text with other tags: the tags are known only once their names are resolved.</summary>
    public SearchDocument WithTags(IEnumerable<string> tags) => this with { Tags = TagText(tags) };

    private static SearchText.Indexed TagText(IEnumerable<string> tags) => SearchText.ForIndex(string.Join(" ; ", tags));
}
