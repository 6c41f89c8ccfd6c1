using System.Text.RegularExpressions;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>Tests on the shape of one line that more than one stage asks: is it a paragraph, a title, a URL, a menu item.</summary>
internal static partial class LineShapes
{
    public const int MaxTitleWords = 30;

    // A lead or body paragraph: a full sentence of some length (menus, breadcrumbs and headlines have no full stop).
    public static bool IsParagraph(string text) => Prose.EndsSentence(text) && text[^1] != ':' && Prose.WordCount(text) >= 12;

    public static int RealWordCount(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    // "Thế giới › Phân tích", "Trang chủ > Thế giới > Người Việt khắp nơi", "Kinh tế / Đầu tư": short
    // section names joined by a path separator.
    public static bool IsBreadcrumb(string text)
    {
        var parts = BreadcrumbSeparator().Split(text);
        return parts.Length >= 2 && parts.All(p => RealWordCount(p) is >= 1 and <= 8) && !Prose.EndsSentence(text);
    }

    public static bool IsMenuItem(string text) =>
        Prose.WordCount(text) <= 4 && !Prose.EndsSentence(text) && text.Any(char.IsLower)
        && !Attribution.IsName(text) && Datelines.Parse(text) is null;

    public static bool IsTitle(string text) =>
        Prose.WordCount(text) >= 3 && !HasGluedWord(text) && text.Any(char.IsLower);

    public static bool HasGluedWord(string text) => GluedWord().IsMatch(text);

    // Key(a) == Key(b) without building either key: case-insensitive, runs of spaces as one.
    public static bool SameKey(string a, string b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && a[i] == ' ') i++;
            while (j < b.Length && b[j] == ' ') j++;
            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }
            while (i < a.Length && j < b.Length && a[i] != ' ' && b[j] != ' ')
            {
                if (a[i] != b[j] && char.ToLowerInvariant(a[i]) != char.ToLowerInvariant(b[j]))
                {
                    return false;
                }
                i++;
                j++;
            }
            var aEnd = i == a.Length || a[i] == ' ';
            var bEnd = j == b.Length || b[j] == ' ';
            if (aEnd != bEnd)
            {
                return false;
            }
        }
    }

    public static string Key(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"\s+[›>»/|]\s+|\s*[›»]\s*")]
    private static partial Regex BreadcrumbSeparator();

    // A lowercase Vietnamese word glued to a capitalised one: "nướcASEANkhẳn".
    [GeneratedRegex(@"[\p{Ll}]{2,}\p{Lu}{2,}|[\p{Ll}]{3,}\p{Lu}[\p{Ll}]*\p{Lu}")]
    private static partial Regex GluedWord();

    // A bare address, or one after a short lead-in ("Nguồn: …", "Chi tiết xem tại …").
    [GeneratedRegex(@"^(?:[\p{L} ]{0,40}:?\s+)?(?<url>(?:https?://|www\.)\S+)$", RegexOptions.IgnoreCase)]
    public static partial Regex UrlLine();
}
