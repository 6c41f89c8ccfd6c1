using System.Text;
using System.Text.RegularExpressions;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// Text that went through a Vietnamese word segmenter: syllables of a word joined by underscores
/// ("Thủ_tướng"), punctuation split off by spaces ("kinh_tế , thương_mại"), quotes as lone tokens.
/// </summary>
public static partial class SegmentedText
{
    /// <summary>Share of word tokens joined by underscores above which a text counts as segmented.</summary>
    public const double Threshold = 0.12;

    /// <summary>
    /// True when enough words are underscore-joined syllables. Underscores in URLs, e-mail addresses and
    /// identifiers like "snake_case_name" in otherwise normal text do not count.
    /// </summary>
    public static bool IsSegmented(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('_', StringComparison.Ordinal))
        {
            return false; // no joined syllable at all
        }
        int words = 0, joined = 0;
        foreach (var token in text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Prose.IsUrlLike(token) || !char.IsLetterOrDigit(token[0]))
            {
                continue;
            }
            words++;
            if (token.Contains('_', StringComparison.Ordinal) && JoinedWord().IsMatch(token))
            {
                joined++;
            }
        }
        return joined >= 3 && joined >= words * Threshold;
    }

    /// <summary>
    /// Undoes segmentation on one line: syllables joined back with spaces, punctuation re-attached,
    /// lone quotes turned into typographic pairs. URLs are left exactly as they are.
    /// </summary>
    public static string Repair(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(SplitLeadingPunctuation)
            .Select(t => Prose.IsUrlLike(t) ? t : t.Replace('_', ' '))
            .ToList();
        var sb = new StringBuilder(line.Length);
        bool doubleOpen = false, singleOpen = false, glueNext = false;
        foreach (var token in tokens)
        {
            var (text, attachLeft, attachRight) = token switch
            {
                "\"" => (doubleOpen ? "”" : "“", doubleOpen, !doubleOpen),
                "'" => (singleOpen ? "’" : "‘", singleOpen, !singleOpen),
                _ when AttachesLeft(token) => (token, true, false),
                "(" or "[" or "{" => (token, false, true),
                _ => (token, false, false),
            };
            if (token == "\"") doubleOpen = !doubleOpen;
            if (token == "'") singleOpen = !singleOpen;
            if (sb.Length > 0 && !attachLeft && !glueNext)
            {
                sb.Append(' ');
            }
            sb.Append(text);
            glueNext = attachRight;
        }
        return Prose.FixSentenceSpacing(sb.ToString());
    }

    // ".Trước" after a spaced bracket: the full stop belongs to the sentence before.
    private static IEnumerable<string> SplitLeadingPunctuation(string token)
    {
        var m = LeadingPunctuation().Match(token);
        return m.Success && !Prose.IsUrlLike(token) ? [m.Groups[1].Value, token[m.Groups[1].Length..]] : [token];
    }

    [GeneratedRegex(@"^([.,;:!?]+)\p{L}")]
    private static partial Regex LeadingPunctuation();

    // Tokens that belong to the word before them: closing punctuation, and runs like "…" or "),".
    private static bool AttachesLeft(string token) =>
        token.Length <= 3 && token.All(c => c is ',' or '.' or ';' or ':' or '!' or '?' or '…' or ')' or ']' or '}' or '%');

    [GeneratedRegex(@"^\p{L}[\p{L}\p{M}\d]*(?:_[\p{L}\p{M}\d]+)+[.,;:!?]?$")]
    private static partial Regex JoinedWord();
}
