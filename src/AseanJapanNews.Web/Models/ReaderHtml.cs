using AseanJapanNews.Web.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AseanJapanNews.Web.Models;

/// <summary>Markup that lists repeat for every item, built without a partial view per item.</summary>
public static class ReaderHtml
{
    /// <summary>An article's tags as links. A partial view for each of a page's 20 articles was a fifth of its rendering.</summary>
    public static IHtmlContent TagList(this IHtmlHelper html, IReadOnlyList<TagLink> tags)
    {
        if (tags.Count == 0)
        {
            return HtmlString.Empty;
        }
        var list = new HtmlContentBuilder(2 + 5 * tags.Count);
        list.AppendHtml("<ul class=\"tags\" aria-label=\"Chủ đề\">");
        foreach (var tag in tags)
        {
            // Append encodes (the path and the name); AppendHtml writes our own markup as is.
            list.AppendHtml("<li><a href=\"").Append(ReaderPaths.Tag(tag.Slug)).AppendHtml("\">").Append(tag.Name).AppendHtml("</a></li>");
        }
        return list.AppendHtml("</ul>");
    }
}
