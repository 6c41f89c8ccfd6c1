using System.Text;
using AseanJapanNews.Web.Text;
using AseanJapanNews.Web.Text.Conversion;

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
                return Failed(string.Create(VietnameseText.Culture, $"tệp lớn hơn {ContentImporter.MaxFileBytes:N0} byte"));
            }
            if (!TryDecode(await File.ReadAllBytesAsync(path, ct), out text))
            {
                return Failed("tệp không phải văn bản UTF-8");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed($"không đọc được tệp ({e.Message})");
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

    /// <summary>Strict UTF-8: a text in another encoding is refused rather than silently garbled.</summary>
    public static bool TryDecode(byte[] bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static RawTextFile Failed(string reason) => new(null, 0, reason);
}
