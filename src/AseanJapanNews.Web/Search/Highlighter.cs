using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AseanJapanNews.Web.Text.Conversion;

namespace AseanJapanNews.Web.Search;

/// <summary>
/// Marks the searched words in the reader's own text (with its diacritics), whichever way they were typed,
/// and picks the passage of a long text where they are densest. Output is HTML: the text encoded, matches
/// in &lt;mark&gt;. Independent of the database, so every index implementation shares it.
/// </summary>
public static class Highlighter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The whole of a short text (a title) with its matches marked.</summary>
    public static string Mark(string text, SearchTerms terms)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        var words = SearchText.Words(nfc).ToList();
        return Render(nfc, words, Matches(words, terms), 0, nfc.Length);
    }

    /// <summary>About <paramref name="wordCount"/> words around the densest matches, with "…" where cut.</summary>
    public static string Snippet(string text, SearchTerms terms, int wordCount = 36)
    {
        var nfc = JoinBlocks(text).Normalize(NormalizationForm.FormC);
        var words = SearchText.Words(nfc).ToList();
        if (words.Count == 0)
        {
            return "";
        }
        var matched = Matches(words, terms);
        var first = BestWindow(words, matched, Exact(words, terms), wordCount);
        var last = Math.Min(words.Count, first + wordCount) - 1;
        var start = first == 0 ? 0 : words[first].Start;
        var end = last == words.Count - 1 ? nfc.Length : words[last].Start + words[last].Length;
        var html = new StringBuilder();
        if (start > 0) html.Append("… ");
        html.Append(Render(nfc, words, matched, start, end).Trim());
        if (end < nfc.Length) html.Append(" …");
        return html.ToString();
    }

    /// <summary>
    /// Blocks given one per line (sapo, paragraphs, captions, headings) as one run of prose, since a snippet is one
    /// paragraph: without a separator a caption's credit ran into the next sentence ("Ảnh: TTXVN Thủ tướng…"). A block
    /// that ends its sentence is followed by a space, any other (a credit, a heading) by ". ".
    /// </summary>
    private static string JoinBlocks(string text)
    {
        var blocks = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var prose = new StringBuilder(text.Length + blocks.Length);
        for (var i = 0; i < blocks.Length; i++)
        {
            if (i > 0)
            {
                prose.Append(Prose.EndsSentence(blocks[i - 1]) ? " " : ". ");
            }
            prose.Append(blocks[i]);
        }
        return prose.ToString();
    }

    /// <summary>Which words are part of a match: a single-word term anywhere, a phrase only where its words follow in order.</summary>
    private static bool[] Matches(List<SearchText.Word> words, SearchTerms terms)
    {
        var matched = new bool[words.Count];
        foreach (var term in terms.Terms)
        {
            MarkOccurrences(words, term.FoldedWords, w => w.Folded, matched);
        }
        return matched;
    }

    /// <summary>
    /// Which words match a term typed with diacritics as typed ("đồng" for "đồng", not "động"): the passage shown
    /// should be where the reader's own word is, since search ranks such articles first for it.
    /// </summary>
    private static bool[] Exact(List<SearchText.Word> words, SearchTerms terms)
    {
        var exact = new bool[words.Count];
        foreach (var term in terms.Terms.Where(t => !t.Words.SequenceEqual(t.FoldedWords)))
        {
            MarkOccurrences(words, term.Words, w => w.Marked, exact);
        }
        return exact;
    }

    private static void MarkOccurrences(List<SearchText.Word> words, IReadOnlyList<string> phrase, Func<SearchText.Word, string> form, bool[] marks)
    {
        var n = phrase.Count;
        for (var i = 0; i + n <= words.Count; i++)
        {
            var all = true;
            for (var k = 0; k < n && all; k++)
            {
                all = form(words[i + k]) == phrase[k];
            }
            if (all)
            {
                for (var k = 0; k < n; k++) marks[i + k] = true;
            }
        }
    }

    /// <summary>The window with the most exact matches, then the most matches.</summary>
    private static int BestWindow(List<SearchText.Word> words, bool[] matched, bool[] exact, int size)
    {
        if (words.Count <= size)
        {
            return 0;
        }
        // An exact word outweighs any number of folded ones a window can hold.
        int Weight(int i) => (matched[i] ? 1 : 0) + (exact[i] ? size + 1 : 0);
        int best = 0, bestScore = 0, score = 0;
        for (var i = 0; i < words.Count; i++)
        {
            score += Weight(i);
            if (i >= size) score -= Weight(i - size);
            if (score > bestScore)
            {
                bestScore = score;
                best = i - size + 1;
            }
        }
        if (bestScore == 0)
        {
            return 0;
        }
        // Start a few words before the first match so it reads as a passage, not a fragment.
        var firstMatch = Array.IndexOf(matched, true, Math.Max(best, 0));
        return Math.Clamp(firstMatch - 6, 0, words.Count - size);
    }

    private static string Render(string text, List<SearchText.Word> words, bool[] matched, int start, int end)
    {
        var html = new StringBuilder();
        var at = start;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (!matched[i] || w.Start < start || w.Start + w.Length > end)
            {
                continue;
            }
            // Adjacent matched words (a phrase) share one <mark>.
            var runEnd = i;
            while (runEnd + 1 < words.Count && matched[runEnd + 1] && words[runEnd + 1].Start + words[runEnd + 1].Length <= end
                   && string.IsNullOrWhiteSpace(text[(words[runEnd].Start + words[runEnd].Length)..words[runEnd + 1].Start]))
            {
                runEnd++;
            }
            var markEnd = words[runEnd].Start + words[runEnd].Length;
            html.Append(Encoder.Encode(text[at..w.Start]));
            html.Append("<mark>").Append(Encoder.Encode(text[w.Start..markEnd])).Append("</mark>");
            at = markEnd;
            i = runEnd;
        }
        html.Append(Encoder.Encode(text[at..end]));
        return html.ToString();
    }
}
