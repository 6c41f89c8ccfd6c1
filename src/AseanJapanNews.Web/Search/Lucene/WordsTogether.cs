using Lucene.Net.Index;

namespace AseanJapanNews.Web.Search.Lucene;

/// <summary>
/// Whether given documents hold a query's words next to each other, in order, in the catch-all field: the words-together
/// tier, checked for the kept matches only. Not a PhraseQuery scorer: asked about one document, it moves on to the
/// next document that holds the phrase, and for words that never stand together that meant reading the positions of
/// every match (4-5 ms for three common words). This reads the positions of the documents asked about, nothing else.
/// </summary>
internal sealed class WordsTogether(IReadOnlyList<(int Position, string Word)> phrase)
{
    private DocsAndPositionsEnum?[] words = [];

    /// <summary>Starts on a segment; documents are then asked about in increasing order.</summary>
    public void SetSegment(AtomicReader segment)
    {
        words = phrase.Select(p => segment.GetTermPositionsEnum(new Term(ArticleFields.All, p.Word))).ToArray();
    }

    public bool Holds(int doc)
    {
        foreach (var word in words)
        {
            if (word is null)
            {
                return false;
            }
            if (word.DocID < doc)
            {
                word.Advance(doc);
            }
            if (word.DocID != doc)
            {
                return false;
            }
        }
        // Where the first word stands, less its place in the phrase: the phrase starts there when every word agrees.
        var starts = Starts(0);
        for (var i = 1; i < words.Length && starts.Count > 0; i++)
        {
            starts.IntersectWith(Starts(i));
        }
        return starts.Count > 0;
    }

    private HashSet<int> Starts(int i)
    {
        var word = words[i]!;
        var starts = new HashSet<int>(word.Freq);
        for (var n = 0; n < word.Freq; n++)
        {
            starts.Add(word.NextPosition() - phrase[i].Position);
        }
        return starts;
    }
}
