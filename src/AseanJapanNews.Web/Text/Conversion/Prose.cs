using System.Text;
using System.Text.RegularExpressions;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>Small fixes and tests on running Vietnamese prose.</summary>
internal static partial class Prose
{
    public static bool IsUrlLike(string token) =>
        token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || token.Contains('@', StringComparison.Ordinal) || (token.Contains('.', StringComparison.Ordinal) && DomainLike().IsMatch(token));

    /// <summary>"ASEAN.Trước" → "ASEAN. Trước"; leaves "TP.HCM", "4.748", "268,5" and domains alone.</summary>
    public static string FixSentenceSpacing(string text) =>
        text.Contains('.', StringComparison.Ordinal) || text.Contains('!', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal)
            ? MissingSpaceAfterSentence().Replace(text, m => IsInsideUrl(text, m.Index) ? m.Value : m.Value + " ")
            : text;

    /// <summary>Straight double quotes → “…” when they pair up on the line; odd counts are left alone.</summary>
    public static string TypographicQuotes(string line)
    {
        if (!line.Contains('"', StringComparison.Ordinal) || line.Count(c => c == '"') % 2 != 0)
        {
            return line;
        }
        var sb = new StringBuilder(line.Length);
        var open = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                sb.Append(open ? '”' : '“');
                open = !open;
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Number of space-separated words, as <c>text.Split(' ', RemoveEmptyEntries).Length</c> but without allocating.</summary>
    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }
        return count;
    }

    public static bool EndsSentence(string text) =>
        text.Length > 0 && (text[^1] is '.' or '!' or '?' or '…' or ';' or ':' || (text[^1] is '”' or '"' or ')' && text.Length > 1 && text[^2] is '.' or '!' or '?' or '…'));

    /// <summary>
    /// True when <paramref name="text"/> reads like a sentence of an article: ten words or more, a sentence end,
    /// and most words starting in lower case (menus, buttons and headlines are short, unpunctuated or capitalised).
    /// </summary>
    public static bool ReadsLikeArticleSentence(string text)
    {
        if (!EndsSentence(text) || text[^1] == ':' || !(char.IsLetterOrDigit(text[0]) || text[0] is '“' or '"' or '‘'))
        {
            return false;
        }
        int words = 0, lower = 0;
        var atWordStart = true;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                atWordStart = true;
            }
            else if (atWordStart)
            {
                atWordStart = false;
                words++;
                lower += char.IsLower(c) || char.IsDigit(c) ? 1 : 0;
            }
        }
        return words >= 10 && lower * 10 >= words * 7;
    }

    /// <summary>"NHẬT BẮC" → "Nhật Bắc"; mixed-case text and short acronyms ("BNG", "TTXVN") are kept.</summary>
    public static string NormalCaseName(string name)
    {
        var trimmed = name.Trim();
        var letters = trimmed.Where(char.IsLetter).ToList();
        if (letters.Count == 0 || letters.Any(char.IsLower))
        {
            return trimmed;
        }
        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // One all-caps word without Vietnamese marks is an acronym (BNG, TTXVN, AFP); names have several words.
        if (words.Length == 1 && trimmed.All(char.IsAscii))
        {
            return trimmed;
        }
        return string.Join(' ', words.Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
    }

    private static bool IsInsideUrl(string text, int index)
    {
        var start = text.LastIndexOf(' ', index) + 1;
        var end = text.IndexOf(' ', index);
        return IsUrlLike(text[start..(end < 0 ? text.Length : end)]);
    }

    // A sentence end (after a lowercase letter, two capitals or a closing bracket/quote) glued to a
    // capitalised word. "TP.HCM" has no lowercase after the capital, so it is not touched.
    [GeneratedRegex(@"(?<=(?:\p{Ll}|\p{Lu}\p{Lu}|[)”])[.!?])(?=\p{Lu}\p{Ll})")]
    private static partial Regex MissingSpaceAfterSentence();

    [GeneratedRegex(@"^[\w-]+(\.[\w-]+)*\.(vn|com|net|org|gov|edu|info|jp|io)(\.vn)?(/\S*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DomainLike();
}
