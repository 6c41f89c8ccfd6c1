using System.Text;

namespace AseanJapanNews.Web.Content;

/// <summary>One raw text file converted to the content format, or the reason it could not be.</summary>
public sealed record RawTextFile(string? Markdown, int Removed, string? Error)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<RawTextFile> ConvertAsync(RawTextDrafts drafts, string path, CancellationToken ct)
    {
        string text;
        try
        {
            if (new FileInfo(path).Length > ContentImporter.MaxFileBytes)
            {
                return Failed($"tệp lớn hơn {ContentImporter.MaxFileBytes:N0} byte");
            }
            text = StrictUtf8.GetString(await File.ReadAllBytesAsync(path, ct));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed($"không đọc được tệp ({e.Message})");
        }
        catch (DecoderFallbackException)
        {
            return Failed("tệp không phải văn bản UTF-8");
        }
        var draft = drafts.Convert(text);
        if (!DraftFiles.HoldsArticle(draft))
        {
            return Failed("không tìm thấy bài viết nào trong tệp (không có tiêu đề và nội dung)");
        }
        return new RawTextFile(ArticleFileFormat.Write(DraftFiles.ToArticleFile(draft) with { Draft = false }), draft.Removals.Count, null);
    }

    private static RawTextFile Failed(string reason) => new(null, 0, reason);
}
