using AseanJapanNews.Web.Text;
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

    /// <summary>Every term in the catch-all field, scored (that is the match), and the tag filter, which does not score.</summary>
    public required Query Match { get; init; }

    /// <summary>Each term in the title, the tags and the sapo, boosted: added to the score of a match, never matching alone.</summary>
    public required IReadOnlyList<Query> Boosts { get; init; }

    /// <summary>Every term with its diacritics as typed, when the reader typed any: such matches rank first.</summary>
    public Query? Exact { get; init; }

    /// <summary>All the words of a several-word query, folded, with their places: standing together, in order, ranks next.</summary>
    public IReadOnlyList<(int Position, string Word)>? Together { get; init; }

    /// <summary>For the highlighter: the words folded, and as typed (weighing more).</summary>
    public required Query Highlight { get; init; }

    /// <summary>The terms of several words (quoted, or joined like "covid-19"): the highlighter marks them only where they stand together.</summary>
    public required IReadOnlyList<SearchTerm> Phrases { get; init; }

    /// <summary>How many terms the query has, phrases included.</summary>
    public required int Terms { get; init; }

    /// <summary>Null when nothing typed is a word the index could hold (a lone combining mark, say).</summary>
    public static ArticleQuery? For(SearchTerms terms, IReadOnlyList<string> tagSlugs)
    {
        var usable = terms.Terms.Where(t => t.FoldedWords.Any(w => w.Length > 0)).ToList();
        if (usable.Count == 0)
        {
            return null;
        }
        var match = new BooleanQuery(disableCoord: true);
        var boosts = new List<Query>();
        var highlight = new BooleanQuery(disableCoord: true);
        foreach (var term in usable)
        {
            match.Add(Words(ArticleFields.All, term.FoldedWords), Occur.MUST);
            boosts.Add(Words(ArticleFields.Title, term.FoldedWords, TitleBoost));
            boosts.Add(Words(ArticleFields.Tags, term.FoldedWords, TagsBoost));
            boosts.Add(Words(ArticleFields.Sapo, term.FoldedWords, SapoBoost));
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
            // words are all there as typed (the folded match already put them together). Words typed without
            // diacritics are not in it: the folded match already requires them.
            var all = new BooleanQuery(disableCoord: true);
            foreach (var word in usable.SelectMany(t => t.Words).Where(w => w != VietnameseText.Fold(w)).Distinct())
            {
                all.Add(new TermQuery(new Term(ArticleFields.Marked, word)), Occur.MUST);
            }
            exact = all;
        }
        List<(int, string)>? together = null;
        if (usable.Count > 1)
        {
            // A word that folds to nothing keeps its place, as in a phrase (see Words).
            together = usable.SelectMany(t => t.FoldedWords).Select((word, i) => (i, word)).Where(p => p.word.Length > 0).ToList();
        }
        return new ArticleQuery
        {
            Match = match, Boosts = boosts, Exact = exact, Together = together, Highlight = highlight,
            Phrases = usable.Where(t => t.Words.Count > 1).ToList(),
            Terms = usable.Count,
        };
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
