using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using LuceneHighlighter = Lucene.Net.Search.Highlight.Highlighter;

namespace AseanJapanNews.Web.Search.Lucene;

/// <summary>
/// Marks a result's title and picks its snippet with Lucene's highlighter, from the article's own text (with its
/// diacritics): the words come folded and as written (<see cref="WordForm.FoldedAndMarked"/>), so "ha noi" marks
/// "Hà Nội", and a word typed with diacritics weighs more, so the snippet shows the passage where it stands as typed.
/// Output is HTML: the text encoded, matches in &lt;mark&gt;, neighbouring matches in one.
/// </summary>
internal sealed partial class HitHighlighter(ArticleQuery query, Analyzer analyzer)
{
    /// <summary>About 36 words of Vietnamese, as the snippet has always been.</summary>
    public const int SnippetLength = 200;

    private static readonly HtmlTextEncoder Html = new();
    private static readonly SimpleHTMLFormatter Mark = new("<mark>", "</mark>");

    /// <summary>The whole title, its matches marked.</summary>
    public string Title(string title)
    {
        var text = title.Normalize(NormalizationForm.FormC);
        var highlighter = new LuceneHighlighter(Mark, Html, new QueryScorer(query.Highlight, ArticleFields.Highlight)) { TextFragmenter = new NullFragmenter() };
        var marked = highlighter.GetBestFragment(analyzer, ArticleFields.Highlight, text);
        return marked is null ? Html.EncodeText(text) : JoinNeighbours(marked);
    }

    /// <summary>The best passage of the sapo and body, about <paramref name="length"/> characters, with "…" where it was cut.</summary>
    public string Snippet(string summary, string plainBody, int length = SnippetLength)
    {
        var whole = AsProse(summary + "\n" + plainBody).Normalize(NormalizationForm.FormC);
        if (Passage(whole, length) is not var (start, end))
        {
            return Beginning(whole, length);
        }
        var text = whole[start..end];
        var scorer = new QueryScorer(query.Highlight, ArticleFields.Highlight);
        var highlighter = new LuceneHighlighter(Mark, Html, scorer) { TextFragmenter = new SimpleSpanFragmenter(scorer, length) };
        var best = highlighter
            .GetBestTextFragments(analyzer.GetTokenStream(ArticleFields.Highlight, text), text, mergeContiguousFragments: false, maxNumFragments: 1)
            .FirstOrDefault(f => f is { Score: > 0 });
        if (best is null)
        {
            return Beginning(whole, length);
        }
        // Lucene keeps where a fragment starts to itself; its text, unmarked and decoded, says whether it was cut.
        var html = JoinNeighbours(best.ToString());
        var plain = WebUtility.HtmlDecode(MarkTag().Replace(html, ""));
        var cutBefore = start > 0 || !text.StartsWith(plain, StringComparison.Ordinal);
        var cutAfter = end < whole.Length || !text.EndsWith(plain, StringComparison.Ordinal);
        // A fragment begins with whatever followed the previous word: ", ", ". ".
        html = cutBefore ? LeadingSeparator().Replace(html, "") : html;
        return (cutBefore ? "… " : "") + html.Trim() + (cutAfter ? " …" : "");
    }

    /// <summary>
    /// The part of the text worth handing to Lucene: with a phrase in the query, the words around its first occurrence
    /// (as typed, if it stands so anywhere), else all of it; nothing when the query is phrases only and none is in the
    /// text (it matched in the title or tags). To tell a phrase from its words apart Lucene indexes the text in memory,
    /// about 1 ms for an article's 2,000 characters, ten times a page; a passage costs a third of that.
    /// </summary>
    private (int Start, int End)? Passage(string text, int length)
    {
        if (query.Phrases.Count == 0)
        {
            return (0, text.Length);
        }
        var words = SearchText.Words(text).ToList();
        (int At, int Count)? folded = null;
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var phrase in query.Phrases)
            {
                if (!StandsAt(words, i, phrase.FoldedWords, w => w.Folded))
                {
                    continue;
                }
                if (StandsAt(words, i, phrase.Words, w => w.Marked))
                {
                    return Around(words, i, phrase.Words.Count, length, text.Length);
                }
                folded ??= (i, phrase.Words.Count);
            }
        }
        if (folded is var (at, count))
        {
            return Around(words, at, count, length, text.Length);
        }
        return query.Phrases.Count == query.Terms ? null : (0, text.Length);
    }

    private static bool StandsAt(List<SearchText.Word> words, int at, IReadOnlyList<string> phrase, Func<SearchText.Word, string> form)
    {
        if (at + phrase.Count > words.Count)
        {
            return false;
        }
        for (var k = 0; k < phrase.Count; k++)
        {
            if (form(words[at + k]) != phrase[k])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whole words from about <paramref name="length"/> characters before the phrase to as many after it.</summary>
    private static (int Start, int End) Around(List<SearchText.Word> words, int at, int count, int length, int textLength)
    {
        var phraseStart = words[at].Start;
        var phraseEnd = words[at + count - 1].Start + words[at + count - 1].Length;
        var first = words.FindIndex(w => w.Start >= phraseStart - length);
        var last = words.FindLastIndex(w => w.Start + w.Length <= phraseEnd + length);
        var start = first == 0 ? 0 : words[first].Start;
        var end = last == words.Count - 1 ? textLength : words[last].Start + words[last].Length;
        return (start, end);
    }

    /// <summary>When nothing matched in the sapo or body (the match was in the title or a tag): the text's first words.</summary>
    private static string Beginning(string text, int length)
    {
        var end = 0;
        foreach (var word in SearchText.Words(text))
        {
            if (end > 0 && word.Start + word.Length > length)
            {
                return Html.EncodeText(text[..end]) + " …";
            }
            end = word.Start + word.Length;
        }
        return Html.EncodeText(text.Trim());
    }

    /// <summary>
    /// Blocks given one per line (sapo, paragraphs, captions, headings) as one run of prose, since a snippet is one
    /// paragraph: a block that ends its sentence is followed by a space, any other (a credit, a heading) by ". ",
    /// so a caption's credit does not run into the next sentence ("Ảnh: TTXVN Thủ tướng…").
    /// </summary>
    private static string AsProse(string text)
    {
        var blocks = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var prose = new StringBuilder(text.Length + blocks.Length);
        for (var i = 0; i < blocks.Length; i++)
        {
            if (i > 0)
            {
                prose.Append(Text.Conversion.Prose.EndsSentence(blocks[i - 1]) ? " " : ". ");
            }
            prose.Append(blocks[i]);
        }
        return prose.ToString();
    }

    /// <summary>Words marked one by one but standing together ("Hà", "Nội") read as one match.</summary>
    private static string JoinNeighbours(string html) => Neighbours().Replace(html, "$1");

    [GeneratedRegex(@"</mark>(\s+)<mark>")]
    private static partial Regex Neighbours();

    [GeneratedRegex("</?mark>")]
    private static partial Regex MarkTag();

    [GeneratedRegex(@"^[\s.,;:!?…)\]}»”’\-–—]+")]
    private static partial Regex LeadingSeparator();

    /// <summary>
    /// HTML-encodes with every script left as it is: Lucene's SimpleHTMLEncoder writes each Vietnamese letter as a
    /// numeric entity.
    /// </summary>
    private sealed class HtmlTextEncoder : IEncoder
    {
        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        public string EncodeText(string originalText) => Encoder.Encode(originalText);
    }
}
