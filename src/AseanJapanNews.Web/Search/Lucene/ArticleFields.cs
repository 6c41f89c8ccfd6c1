using System.Globalization;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace AseanJapanNews.Web.Search.Lucene;

/// <summary>An article as the index reads it from the database: its text, its date, its tags.</summary>
internal sealed record IndexedArticle(int Id, string Title, string Summary, string Markdown, DateTime PublishedAtUtc, IReadOnlyList<TagLink> Tags);

/// <summary>
/// The fields of an article's document. Matching reads one folded catch-all field; the small title, tag and sapo
/// fields only add to the score; the marked field only decides whether a match is exact. Nothing is stored: the
/// page's ten results are read back from the database, so the index stays a fraction of the text's size.
/// </summary>
internal static class ArticleFields
{
    /// <summary>The article id as a term, to replace or delete its document.</summary>
    public const string Id = "id";

    /// <summary>The article id as a doc value, read for each ranked match without loading a stored document.</summary>
    public const string ArticleId = "article";

    /// <summary>Publication instant (UTC ticks): visibility, the date filters and "newest first" are decided from it at query time.</summary>
    public const string Published = "published";

    /// <summary>Tag slugs, one term each: the tag filter.</summary>
    public const string TagSlug = "tag";

    /// <summary>Title, tag names, sapo and body, folded: what every query must match.</summary>
    public const string All = "all";

    public const string Title = "title";
    public const string Tags = "tags";
    public const string Sapo = "sapo";

    /// <summary>
    /// Every word of the article that has diacritics, as written (<see cref="WordForm.Marked"/>), as a list of articles per
    /// word and nothing more (no counts, positions or lengths): enough to tell that an article holds the reader's words
    /// as typed. At 100,000 articles it takes 30 MB of the index's 116 (the catch-all, with positions, about 80).
    /// </summary>
    public const string Marked = "marked";

    /// <summary>Never indexed: the highlighter's field, whose words come folded and marked at once.</summary>
    public const string Highlight = "highlight";

    public static WordForm FormOf(string field) => field switch
    {
        Marked => WordForm.Marked,
        Highlight => WordForm.FoldedAndMarked,
        _ => WordForm.Folded,
    };

    private static readonly FieldType WordsOnly = new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    }.Freeze();

    public static Term IdTerm(int articleId) => new(Id, articleId.ToString(CultureInfo.InvariantCulture));

    public static Document Of(IndexedArticle article)
    {
        var document = new Document
        {
            new StringField(Id, article.Id.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new NumericDocValuesField(ArticleId, article.Id),
            new NumericDocValuesField(Published, article.PublishedAtUtc.Ticks),
            new TextField(Title, article.Title, Field.Store.NO),
            new TextField(Sapo, article.Summary, Field.Store.NO),
        };
        foreach (var tag in article.Tags)
        {
            document.Add(new StringField(TagSlug, tag.Slug, Field.Store.NO));
            document.Add(new TextField(Tags, tag.Name, Field.Store.NO));
        }
        foreach (var text in (string[])[article.Title, .. article.Tags.Select(t => t.Name), article.Summary, ArticleMarkdown.ToPlainText(article.Markdown)])
        {
            document.Add(new TextField(All, text, Field.Store.NO));
            document.Add(new Field(Marked, text, WordsOnly));
        }
        return document;
    }
}
