using System.Net;
using System.Text;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// Text copied from a page's source (view-source) instead of the rendered page: tags go, paragraph breaks of
/// &lt;p&gt;, &lt;br&gt;, &lt;div&gt;, headings and list items stay, script, style and head contents go, and named and
/// numeric entities are decoded. The canonical address, if the head gives one, is kept as a line of its own so
/// the head reader takes it as the source URL. One pass over the characters: linear whatever the input.
/// </summary>
internal static class HtmlSource
{
    private const int MaxTagLength = 2000;

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section", "article",
        "header", "footer", "nav", "aside", "main", "blockquote", "figure", "figcaption", "hr", "dd", "dt", "title", "body", "html",
    };

    private static readonly HashSet<string> HiddenTags = new(StringComparer.Ordinal)
    {
        "script", "style", "head", "noscript", "template", "svg", "iframe", "object",
    };

    /// <summary>True when <paramref name="text"/> is mostly markup: several block tags such as &lt;p&gt; or &lt;div&gt;.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var tags = 0;
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0 && i + 3 < text.Length; i = text.IndexOf('<', i + 1))
        {
            var name = TagName(text, i + 1, out _);
            if (name is not null && (BlockTags.Contains(name) || HiddenTags.Contains(name)) && ++tags >= 6)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Entities in text that is not markup ("Sojitz &amp;amp; Tokyo Gas"): decoded, nothing else touched.</summary>
    public static string DecodeEntities(string text) =>
        text.Contains('&', StringComparison.Ordinal) && text.Contains(';', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;

    /// <summary>The visible text of <paramref name="html"/>, one block a line.</summary>
    public static string ToText(string html)
    {
        var sb = new StringBuilder(html.Length / 2);
        var canonical = CanonicalUrl(html);
        if (canonical is not null)
        {
            sb.Append(canonical).Append('\n');
        }
        var i = 0;
        var textStart = 0;
        // The next '>' at or after the scan, found once and reused, so a page of stray '<' stays linear.
        var nextClose = -1;
        while (i < html.Length)
        {
            if (html[i] != '<')
            {
                i++;
                continue;
            }
            if (nextClose <= i)
            {
                nextClose = html.IndexOf('>', i + 1);
                if (nextClose < 0)
                {
                    break;
                }
            }
            var end = nextClose;
            if (end - i > MaxTagLength)
            {
                i++;
                continue;
            }
            var name = TagName(html, i + 1, out var closing);
            if (name is null && !(i + 1 < html.Length && html[i + 1] == '!'))
            {
                i++;
                continue;
            }
            sb.Append(WebUtility.HtmlDecode(html[textStart..i]));
            if (name is not null && BlockTags.Contains(name))
            {
                sb.Append('\n');
            }
            i = end + 1;
            if (name is not null && !closing && HiddenTags.Contains(name))
            {
                // Skip to the matching close tag; an unclosed one hides the rest, as a browser would.
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : Math.Max(i, html.IndexOf('>', close) + 1);
                if (i == 0)
                {
                    i = html.Length;
                }
            }
            textStart = i;
        }
        sb.Append(WebUtility.HtmlDecode(html[Math.Min(textStart, html.Length)..]));
        return sb.ToString();
    }

    /// <summary>The text of the first &lt;h1&gt;, tags stripped and entities decoded, or null.</summary>
    public static string? Headline(string html)
    {
        var open = html.IndexOf("<h1", StringComparison.OrdinalIgnoreCase);
        var start = open < 0 ? -1 : html.IndexOf('>', open);
        var end = start < 0 ? -1 : html.IndexOf("</h1", start, StringComparison.OrdinalIgnoreCase);
        if (end < 0 || end - start > MaxTagLength)
        {
            return null;
        }
        var text = string.Join(' ', ToText(html[(start + 1)..end]).Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 0 ? text : null;
    }

    // The lower-case name of the tag whose text starts at `at` ("p", "div"), or null when it is not a tag.
    private static string? TagName(string text, int at, out bool closing)
    {
        closing = at < text.Length && text[at] == '/';
        var start = closing ? at + 1 : at;
        var end = start;
        while (end < text.Length && end - start < 12 && char.IsAsciiLetterOrDigit(text[end]))
        {
            end++;
        }
        if (end == start || !char.IsAsciiLetter(text[start]) || end >= text.Length || !(text[end] is '>' or ' ' or '/' or '\n' or '\t'))
        {
            return null;
        }
        return text[start..end].ToLowerInvariant();
    }

    // <link rel="canonical" href="…"> or <meta property="og:url" content="…">.
    private static string? CanonicalUrl(string html)
    {
        foreach (var (marker, attribute) in new[] { ("rel=\"canonical\"", "href=\""), ("property=\"og:url\"", "content=\"") })
        {
            var at = html.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }
            var tagStart = html.LastIndexOf('<', at);
            var tagEnd = html.IndexOf('>', at);
            if (tagStart < 0 || tagEnd < 0)
            {
                continue;
            }
            var tag = html[tagStart..tagEnd];
            var value = tag.IndexOf(attribute, StringComparison.OrdinalIgnoreCase);
            if (value < 0)
            {
                continue;
            }
            var start = value + attribute.Length;
            var end = tag.IndexOf('"', start);
            var url = end < 0 ? null : tag[start..end];
            if (url is not null && url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                return url;
            }
        }
        return null;
    }
}
