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
internal sealed partial class HitHighlighter(Query query, Analyzer analyzer)
{
    /// <summary>About 36 words of Vietnamese, as the snippet has always been.</summary>
    public const int SnippetLength = 200;

    private static readonly HtmlTextEncoder Html = new();
    private static readonly SimpleHTMLFormatter Mark = new("<mark>", "</mark>");

    /// <summary>The whole title, its matches marked.</summary>
    public string Title(string title)
    {
        var text = title.Normalize(NormalizationForm.FormC);
        var highlighter = new LuceneHighlighter(Mark, Html, new QueryScorer(query, ArticleFields.Highlight)) { TextFragmenter = new NullFragmenter() };
        var marked = highlighter.GetBestFragment(analyzer, ArticleFields.Highlight, text);
        return marked is null ? Html.EncodeText(text) : JoinNeighbours(marked);
    }

    /// <summary>The best passage of the sapo and body, about <paramref name="length"/> characters, with "…" where it was cut.</summary>
    public string Snippet(string summary, string plainBody, int length = SnippetLength) =>
        SnippetOf(AsProse(summary + "\n" + plainBody), length);

    internal string SnippetOf(string prose, int length = SnippetLength)
    {
        var text = prose.Normalize(NormalizationForm.FormC);
        var scorer = new QueryScorer(query, ArticleFields.Highlight);
        var highlighter = new LuceneHighlighter(Mark, Html, scorer) { TextFragmenter = new SimpleSpanFragmenter(scorer, length) };
        var best = highlighter
            .GetBestTextFragments(analyzer.GetTokenStream(ArticleFields.Highlight, text), text, mergeContiguousFragments: false, maxNumFragments: 1)
            .FirstOrDefault(f => f is { Score: > 0 });
        if (best is null)
        {
            return Beginning(text, length);
        }
        // Lucene keeps where a fragment starts to itself; its text, unmarked and decoded, says whether it was cut.
        var html = JoinNeighbours(best.ToString());
        var plain = WebUtility.HtmlDecode(MarkTag().Replace(html, ""));
        var cutBefore = !text.StartsWith(plain, StringComparison.Ordinal);
        var cutAfter = !text.EndsWith(plain, StringComparison.Ordinal);
        // A fragment begins with whatever followed the previous word: ", ", ". ".
        html = cutBefore ? LeadingSeparator().Replace(html, "") : html;
        return (cutBefore ? "… " : "") + html.Trim() + (cutAfter ? " …" : "");
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
    internal static string AsProse(string text)
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
