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
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n' or '\u2028' or '\u2029' or '\u0085':
                    sb.Append('\n');
                    break;
                case '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u00AD' or '\u180E':
                    break;
                case '\t' or '\u00A0' or '\u202F' or '\u2007' or '\u3000' or (>= '\u2000' and <= '\u200A'):
                    sb.Append(' ');
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format))
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        // Format characters (bidi marks…) are gone; combining marks stay, so NFC can compose them.
        var lines = sb.ToString().Normalize(NormalizationForm.FormC).Split('\n');
        return string.Join('\n', lines.Select(CollapseSpaces));
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
