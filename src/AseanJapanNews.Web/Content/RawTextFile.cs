using AseanJapanNews.Web.Text;
using AseanJapanNews.Web.Text.Conversion;

namespace AseanJapanNews.Web.Content;

/// <summary>One raw text file converted to the content format, or the reason it could not be.</summary>
public sealed record RawTextFile(string? Markdown, int Removed, string? Error)
{
    public static async Task<RawTextFile> ConvertAsync(RawTextDrafts drafts, string path, CancellationToken ct)
    {
        string text;
        try
        {
            text = ContentBytes.Decode(await ContentBytes.ReadAsync(path, ct));
        }
        catch (ArticleFileException e)
        {
            return Failed(e.Message);
        }
        ArticleDraft draft;
        try
        {
            draft = drafts.Convert(text);
        }
        catch (ArticleFileException e)
        {
            return Failed(e.Message);
        }
        if (!DraftFiles.HoldsArticle(draft))
        {
            return Failed("không tìm thấy bài viết nào trong tệp (không có tiêu đề và nội dung)");
        }
        return new RawTextFile(ArticleFileFormat.Write(DraftFiles.ToArticleFile(draft) with { Draft = false }), draft.Removals.Count, null);
    }

    private static RawTextFile Failed(string reason) => new(null, 0, reason);
}
