using Lucene.Net.Index;
using Lucene.Net.Search;

namespace AseanJapanNews.Web.Search.Lucene;

/// <summary>
/// What a reader typed (<see cref="SearchTerms"/>) as Lucene queries. Only the words the reader typed ever become
/// terms, never query syntax, so nothing typed can change a query's shape.
/// </summary>
internal sealed class ArticleQuery
{
    /// <summary>BM25 weights on the small fields; the catch-all field counts once, as the body would.</summary>
    public const float TitleBoost = 10, TagsBoost = 6, SapoBoost = 3;

    /// <summary>In a snippet, the reader's word as typed outweighs any number of its other tones.</summary>
    private const float ExactHighlightBoost = 10;

    /// <summary>
    /// Every term in the catch-all field (that is the match), each also scored in the title, tags and sapo, plus the
    /// tag filter, which does not score.
    /// </summary>
    public required Query Match { get; init; }

    /// <summary>Every term with its diacritics as typed, when the reader typed any: such matches rank first.</summary>
    public Query? Exact { get; init; }

    /// <summary>All the words of a several-word query standing together, in order: next in rank.</summary>
    public Query? Adjacent { get; init; }

    /// <summary>For the highlighter: folded words, the words as typed (weighing more), the words together.</summary>
    public required Query Highlight { get; init; }

    /// <summary>Null when nothing typed is a word the index could hold (a lone combining mark, say).</summary>
    public static ArticleQuery? For(SearchTerms terms, IReadOnlyList<string> tagSlugs)
    {
        var usable = terms.Terms.Where(t => t.FoldedWords.Any(w => w.Length > 0)).ToList();
        if (usable.Count == 0)
        {
            return null;
        }
        var match = new BooleanQuery(disableCoord: true);
        var highlight = new BooleanQuery(disableCoord: true);
        foreach (var term in usable)
        {
            match.Add(Words(ArticleFields.All, term.FoldedWords), Occur.MUST);
            if (Environment.GetEnvironmentVariable("LUCENE_NO_SHOULD") is null) {
            match.Add(Words(ArticleFields.Title, term.FoldedWords, TitleBoost), Occur.SHOULD);
            match.Add(Words(ArticleFields.Tags, term.FoldedWords, TagsBoost), Occur.SHOULD);
            match.Add(Words(ArticleFields.Sapo, term.FoldedWords, SapoBoost), Occur.SHOULD);
            }
            highlight.Add(Words(ArticleFields.Highlight, term.FoldedWords), Occur.SHOULD);
            if (!term.Words.SequenceEqual(term.FoldedWords))
            {
                highlight.Add(Words(ArticleFields.Highlight, term.Words, ExactHighlightBoost), Occur.SHOULD);
            }
        }
        foreach (var slug in tagSlugs.Distinct())
        {
            match.Add(new ConstantScoreQuery(new TermQuery(new Term(ArticleFields.TagSlug, slug))) { Boost = 0 }, Occur.MUST);
        }

        Query? exact = null;
        if (terms.HasDiacritics)
        {
            // The marked field knows which words an article holds, not where: a typed phrase counts as exact when its
            // words are all there as typed (the folded match already put them together).
            var all = new BooleanQuery(disableCoord: true);
            foreach (var word in usable.SelectMany(t => t.Words).Distinct())
            {
                all.Add(new TermQuery(new Term(ArticleFields.Marked, word)), Occur.MUST);
            }
            exact = all;
        }
        Query? adjacent = null;
        if (usable.Count > 1)
        {
            var together = usable.SelectMany(t => t.FoldedWords).ToList();
            adjacent = Words(ArticleFields.All, together);
        }
        if (Environment.GetEnvironmentVariable("LUCENE_NO_TIERS") is not null) { exact = null; adjacent = null; }
        return new ArticleQuery { Match = match, Exact = exact, Adjacent = adjacent, Highlight = highlight };
    }

    /// <summary>
    /// One word as a term, several as a phrase. A word that folds to nothing keeps its place as a gap, as the
    /// tokenizer leaves one.
    /// </summary>
    private static Query Words(string field, IReadOnlyList<string> words, float boost = 1)
    {
        Query query;
        if (words.Count == 1)
        {
            query = new TermQuery(new Term(field, words[0]));
        }
        else
        {
            var phrase = new PhraseQuery();
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i].Length > 0)
                {
                    phrase.Add(new Term(field, words[i]), i);
                }
            }
            query = phrase;
        }
        query.Boost = boost;
        return query;
    }
}
