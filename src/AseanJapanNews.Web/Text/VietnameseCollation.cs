using System.Globalization;
using System.Text;

namespace AseanJapanNews.Web.Text;

/// <summary>
/// Vietnamese alphabetical order (a &lt; ă &lt; â &lt; b … d &lt; đ … o &lt; ô &lt; ơ … u &lt; ư), tones second
/// (unmarked &lt; huyền &lt; hỏi &lt; ngã &lt; sắc &lt; nặng), case last. Written by hand so the order does
/// not depend on which ICU version the server happens to have.
/// </summary>
public sealed class VietnameseCollation : IComparer<string>
{
    public static readonly VietnameseCollation Instance = new();

    // Below every letter and digit, above the "\u0001" that ends the letters in a SortKey.
    private const char WordSeparator = '\u0002';

    private const string Alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

    // Combining tone marks in the traditional dictionary order.
    private static readonly char[] Tones = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var primary = string.CompareOrdinal(Key(x).Letters, Key(y).Letters);
        if (primary != 0) return primary;
        var secondary = string.CompareOrdinal(Key(x).Tones, Key(y).Tones);
        return secondary != 0 ? secondary : string.CompareOrdinal(x, y);
    }

    /// <summary>A string whose ordinal order is the Vietnamese order (for sorting in a database).</summary>
    public static string SortKey(string text)
    {
        var (letters, tones) = Key(text);
        return letters + "\u0001" + tones;
    }

    private static (string Letters, string Tones) Key(string text)
    {
        var letters = new StringBuilder(text.Length);
        var tones = new StringBuilder(text.Length);
        foreach (var grapheme in Graphemes(text.ToLowerInvariant().Normalize(NormalizationForm.FormD)))
        {
            var (letter, tone) = Split(grapheme);
            var index = Alphabet.IndexOf(letter, StringComparison.Ordinal);
            // Letters of the alphabet map to a dense range; word separators sort before every letter and digit
            // (so "Hà Nội" < "Hàn Quốc", syllable by syllable); anything else sorts after the alphabet, by code point.
            letters.Append(
                index >= 0 ? (char)('\u0100' + index)
                : letter.Length == 1 && char.IsDigit(letter[0]) ? letter[0]
                : letter.Length == 1 && (char.IsWhiteSpace(letter[0]) || char.IsPunctuation(letter[0])) ? WordSeparator
                : (char)('\u0200' + letter[0]));
            tones.Append((char)('0' + tone));
        }
        return (letters.ToString(), tones.ToString());
    }

    private static (string Letter, int Tone) Split(string decomposedGrapheme)
    {
        var tone = 0;
        var letter = new StringBuilder(decomposedGrapheme.Length);
        foreach (var c in decomposedGrapheme)
        {
            var t = Array.IndexOf(Tones, c);
            if (t >= 0)
            {
                tone = t + 1;
            }
            else
            {
                letter.Append(c);
            }
        }
        return (letter.ToString().Normalize(NormalizationForm.FormC), tone);
    }

    private static IEnumerable<string> Graphemes(string text)
    {
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            yield return (string)e.Current;
        }
    }
}
