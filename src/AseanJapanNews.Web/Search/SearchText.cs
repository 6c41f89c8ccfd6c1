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

    /// <summary>The text as the index stores it: NFC, words separated by single spaces.</summary>
    public static string Marked(string text) => string.Join(' ', Words(text).Select(w => w.Marked));

    /// <summary>The folded form of <see cref="Marked"/>: "Đỉnh Hà Nội" → "dinh ha noi".</summary>
    public static string Folded(string text) => string.Join(' ', Words(text).Select(w => w.Folded));

    private static bool IsWordChar(string s, int i) =>
        char.IsLowSurrogate(s[i]) && i > 0 ? IsWordChar(s, i - 1)
        : char.IsLetterOrDigit(s, i) || CharUnicodeInfo.GetUnicodeCategory(s, i) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>A word at <see cref="Start"/> (NFC index) with its lower-cased and folded forms.</summary>
    public readonly record struct Word(int Start, int Length, string Marked, string Folded);
}
