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

    /// <summary>
    /// The body as HTML. Never throws: a body beyond <see cref="MarkdownLimits"/> (only rows stored before the limits
    /// existed can hold one) is shown as escaped plain paragraphs rather than parsed.
    /// </summary>
    public static string ToHtml(string markdown)
    {
        if (TryParse(markdown) is not { } document)
        {
            return PlainParagraphs(markdown);
        }
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
        try
        {
            return document.ToHtml(Pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            return PlainParagraphs(markdown);
        }
    }

    /// <summary>The parsed body, or null when it is beyond the limits or Markdig refuses it (it throws on deep nesting).</summary>
    private static MarkdownDocument? TryParse(string? markdown)
    {
        if (MarkdownLimits.Check(markdown) is not null)
        {
            return null;
        }
        try
        {
            return Markdown.Parse(markdown ?? "", Pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            return null;
        }
    }

    private static string PlainParagraphs(string? markdown)
    {
        var html = new StringBuilder();
        foreach (var paragraph in (markdown ?? "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }
        return html.ToString();
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
        if (TryParse(markdown) is not { } document)
        {
            return (markdown ?? "").Trim();
        }
        var text = new StringBuilder();
        foreach (var block in document.Descendants<LeafBlock>())
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
