namespace AseanJapanNews.Web.Content;

/// <summary>Which names in the content folder are articles, and which the importer passes over without a word.</summary>
public static class ContentFileNames
{
    /// <summary>
    /// True for what editors, tools and git leave beside the articles: anything hidden (a name starting with '.',
    /// which covers <c>.git</c>, Emacs locks <c>.#a.md</c> and Vim swaps <c>.a.md.swp</c>), backups (<c>a.md~</c>),
    /// Emacs autosaves (<c>#a.md#</c>) and office-suite locks (<c>~$a.md</c>). A folder so named is not entered.
    /// These marks only count at the start or the end of a name: <c>#asean.md</c> and <c>tin~1.md</c> are articles.
    /// </summary>
    public static bool IsPassedOver(string name) =>
        name.StartsWith('.') || name.EndsWith('~') || name.StartsWith("~$", StringComparison.Ordinal)
        || (name.Length > 1 && name.StartsWith('#') && name.EndsWith('#'));

    /// <summary>True for a file the importer reads: Markdown with front matter, or a raw pasted text.</summary>
    public static bool IsArticle(string name) =>
        !IsPassedOver(name)
        && (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));
}
