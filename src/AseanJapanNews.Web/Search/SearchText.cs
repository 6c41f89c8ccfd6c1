using System.Globalization;
using System.Text;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Web.Search;

/// <summary>
/// How search splits text into words, the same way for the index, the query and the highlighter:
/// runs of letters and digits in NFC, everything else a separator (SQLite's unicode61 tokenizer agrees).
/// </summary>
public static class SearchText
{
    /// <summary>Words of <paramref name="text"/>, lower-cased, diacritics kept.</summary>
    public static IEnumerable<Word> Words(string text)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        var start = -1;
        for (var i = 0; i <= nfc.Length; i++)
        {
            var inWord = i < nfc.Length && IsWordChar(nfc, i);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = nfc[start..i];
                yield return new Word(start, i - start, word.ToLowerInvariant(), VietnameseText.Fold(word));
                start = -1;
            }
        }
    }

    /// <summary>
    /// The text as the index stores it, in one pass over its words: <see cref="Indexed.Marked"/> is NFC, lower-cased,
    /// words separated by single spaces; <see cref="Indexed.Folded"/> the same words folded ("Đỉnh Hà Nội" → "dinh ha noi").
    /// </summary>
    public static Indexed ForIndex(string text)
    {
        var marked = new StringBuilder(text.Length);
        var folded = new StringBuilder(text.Length);
        var first = true;
        foreach (var word in Words(text))
        {
            // A separator between every two words, as string.Join would: a word of marks alone folds to nothing.
            if (!first)
            {
                marked.Append(' ');
                folded.Append(' ');
            }
            first = false;
            marked.Append(word.Marked);
            folded.Append(word.Folded);
        }
        return new Indexed(marked.ToString(), folded.ToString());
    }

    private static bool IsWordChar(string s, int i) =>
        char.IsLowSurrogate(s[i]) && i > 0 ? IsWordChar(s, i - 1)
        : char.IsLetterOrDigit(s, i) || CharUnicodeInfo.GetUnicodeCategory(s, i) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>One text in both of the index's forms.</summary>
    public readonly record struct Indexed(string Marked, string Folded);

    /// <summary>A word at <see cref="Start"/> (NFC index) with its lower-cased and folded forms.</summary>
    public readonly record struct Word(int Start, int Length, string Marked, string Folded);
}
