using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace AseanJapanNews.Web.Search.Lucene;

/// <summary>Which form of each word a field holds.</summary>
internal enum WordForm
{
    /// <summary>Lower-cased and without diacritics, đ as d ("Hà Nội" → "ha", "noi"): what every search matches.</summary>
    Folded,

    /// <summary>
    /// Lower-cased, diacritics kept, and only the words that have any ("hà", "nội", not "keo"): what ranks a match as the
    /// reader typed it first. A word without diacritics is the same folded, and the match already requires it.
    /// </summary>
    Marked,

    /// <summary>Both at the same position, the marked one only where it differs: for the highlighter alone.</summary>
    FoldedAndMarked,
}

/// <summary>
/// Splits text into words exactly as the rest of the site does (<see cref="SearchText.Words"/>: runs of letters and
/// digits in NFC), so the index, the reader's query and the highlighter agree on what a word is. Offsets are into
/// the NFC form of the text, which is what the highlighter is given.
/// </summary>
internal sealed class WordTokenizer : Tokenizer
{
    /// <summary>
    /// Longer runs are not words a reader types (a pasted hash, a URL without separators), and Lucene refuses a term
    /// over 32,766 bytes outright; such a run is left out of the index and of the highlights alike.
    /// </summary>
    public const int MaxWordLength = 255;

    private readonly WordForm form;
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly IPositionIncrementAttribute position;
    private IEnumerator<SearchText.Word>? words;
    private int textLength;
    private SearchText.Word? markedNext;

    public WordTokenizer(TextReader input, WordForm form) : base(input)
    {
        this.form = form;
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        // A field's text is a title, a sapo or one article's body: small enough to read whole, and SearchText needs it whole.
        var text = m_input.ReadToEnd().Normalize(NormalizationForm.FormC);
        textLength = text.Length;
        words = SearchText.Words(text).GetEnumerator();
        markedNext = null;
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (markedNext is { } marked)
        {
            markedNext = null;
            Emit(marked, marked.Marked, increment: 0);
            return true;
        }
        var skipped = 0;
        while (words!.MoveNext())
        {
            var word = words.Current;
            var text = form == WordForm.Marked ? word.Marked : word.Folded;
            // A word of marks alone folds to nothing; it keeps its place, so phrases around it stay apart.
            if (text.Length == 0 || word.Marked.Length > MaxWordLength || (form == WordForm.Marked && word.Marked == word.Folded))
            {
                skipped++;
                continue;
            }
            Emit(word, text, 1 + skipped);
            if (form == WordForm.FoldedAndMarked && word.Marked != word.Folded)
            {
                markedNext = word;
            }
            return true;
        }
        return false;
    }

    private void Emit(SearchText.Word word, string text, int increment)
    {
        term.SetEmpty().Append(text);
        offset.SetOffset(CorrectOffset(word.Start), CorrectOffset(word.Start + word.Length));
        position.PositionIncrement = increment;
    }

    public override void End()
    {
        base.End();
        var end = CorrectOffset(textLength);
        offset.SetOffset(end, end);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            words?.Dispose();
            words = null;
        }
        base.Dispose(disposing);
    }
}
