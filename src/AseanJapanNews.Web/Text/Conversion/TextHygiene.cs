using System.Globalization;
using System.Text;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>Encoding clean-up that every later rule relies on: one line ending, NFC, plain spaces.</summary>
public static class TextHygiene
{
    /// <summary>
    /// Drops BOMs, zero-width characters, soft hyphens and control characters; turns CRLF, lone CR and
    /// Unicode line separators into "\n", tabs and exotic spaces (NBSP, narrow NBSP, ideographic) into
    /// a plain space; composes decomposed diacritics (NFD → NFC); collapses runs of spaces and trims lines.
    /// </summary>
    public static string Clean(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var lines = Scrub(raw, keepTabs: false).Split('\n');
        return string.Join('\n', lines.Select(CollapseSpaces));
    }

    /// <summary>
    /// The character clean-up of <see cref="Clean"/> for text whose layout means something (Markdown, YAML):
    /// the same characters are dropped or replaced and diacritics composed, but tabs, runs of spaces and blank
    /// lines stay, and lines keep their numbers (line separators become "\n", CRLF one "\n"). What is left is
    /// valid in XML 1.0, so a feed never meets a character it cannot write.
    /// </summary>
    public static string CleanCharacters(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return Scrub(raw, keepTabs: true);
    }

    /// <summary>
    /// CRLF and lone CR as "\n". Browsers post textarea text with CRLF, so without this the admin form counted each
    /// line break twice against a length limit that files (one "\n" each) are measured by.
    /// </summary>
    public static string? UnifyLineBreaks(string? text) =>
        text?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string Scrub(string raw, bool keepTabs)
    {
        var text = UnifyLineBreaks(raw)!;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n' or '\u2028' or '\u2029' or '\u0085':
                    sb.Append('\n');
                    break;
                case '\t' when keepTabs:
                    sb.Append(c);
                    break;
                case '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u00AD' or '\u180E' or '\uFFFE' or '\uFFFF':
                    break;
                // Word's manual line break (vertical tab) and page break separate words: keep them apart.
                case '\t' or '\v' or '\f' or '\u00A0' or '\u202F' or '\u2007' or '\u3000' or (>= '\u2000' and <= '\u200A'):
                    sb.Append(' ');
                    break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    sb.Append(c).Append(text[++i]);
                    break;
                default:
                    // Lone surrogates go with the controls: no encoder or XML writer accepts them.
                    if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate))
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        // Format characters (bidi marks…) are gone; combining marks stay, so NFC can compose them.
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string CollapseSpaces(string line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c == ' ' && (sb.Length == 0 || sb[^1] == ' '))
            {
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString().TrimEnd();
    }
}
