using Markdig;

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

    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown ?? "", Pipeline);

    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown ?? "", Pipeline);
}
