using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AseanJapanNews.Web.Content;

/// <summary>
/// The one Markdown pipeline of the site. Raw HTML is disabled, so its output is safe to emit
/// unescaped; captions are Markdig figures (<c>^^^</c> … <c>^^^ caption</c>).
/// </summary>
public static class ArticleMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseFigures()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseReferralLinks("nofollow", "noopener")
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        // Raw HTML is off, but a link can still say javascript:; only web and mail links survive.
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "";
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!IsSafeUrl(autolink.Url))
            {
                autolink.Url = "";
            }
        }
        return document.ToHtml(Pipeline);
    }

    private static bool IsSafeUrl(string? url)
    {
        var value = url?.Trim() ?? "";
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var delimiter = value.IndexOfAny(['/', '?', '#']);
        // No scheme at all ("/tags/asean", "#muc-1", "bai-khac") is a relative link.
        if (colon < 0 || (delimiter >= 0 && delimiter < colon))
        {
            return true;
        }
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }

    /// <summary>
    /// The words a reader sees, one block per line, no markup: for search, snippets and reading time.
    /// (Markdig's own plain-text renderer still writes the figure extension's HTML tags.)
    /// </summary>
    public static string ToPlainText(string markdown)
    {
        var text = new StringBuilder();
        foreach (var block in Markdown.Parse(markdown ?? "", Pipeline).Descendants<LeafBlock>())
        {
            if (block.Inline is null)
            {
                text.Append(block.Lines.ToString()).Append('\n');
                continue;
            }
            foreach (var inline in block.Inline.Descendants<Inline>())
            {
                text.Append(inline switch
                {
                    LiteralInline literal => literal.Content.ToString(),
                    CodeInline code => code.Content,
                    AutolinkInline autolink => autolink.Url,
                    HtmlEntityInline entity => entity.Transcoded.ToString(),
                    LineBreakInline => " ",
                    _ => "",
                });
            }
            text.Append('\n');
        }
        return text.ToString().Trim();
    }
}
