using System.Globalization;
using System.Text;

namespace AseanJapanNews.Web.Text;

/// <summary>Diacritic folding for Vietnamese (the one place that knows đ is not a "d with a mark"), and its culture.</summary>
public static class VietnameseText
{
    /// <summary>
    /// How readers and editors are shown numbers and dates ("100.000", "01/12/2023"), whatever the server's locale:
    /// every request runs in it, and messages written outside a request name it.
    /// </summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// Lower-cases and removes every tone and vowel mark, mapping đ/Đ to d, so that
    /// "Đỉnh Hà Nội" and "dinh ha noi" fold to the same text. Other scripts pass through.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Plain ASCII has nothing to decompose or fold, and many Vietnamese syllables are plain: skip the two
        // normalizations, which the search index pays for every word of every article.
        if (Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            folded.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
