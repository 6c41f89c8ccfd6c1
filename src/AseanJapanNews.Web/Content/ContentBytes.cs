using System.Text;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Web.Content;

/// <summary>
/// The one way text from outside comes in as a file (the importer, the convert command, the admin's upload): at most
/// <see cref="MaxFileBytes"/>, and strict UTF-8, so a text in another encoding is refused with the line of its first
/// bad byte rather than silently garbled.
/// </summary>
public static class ContentBytes
{
    /// <summary>Files larger than this are refused: no real article is anywhere near it.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's bytes; a file too large, gone or unreadable is an <see cref="ArticleFileException"/>.</summary>
    public static async Task<byte[]> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                throw new ArticleFileException(string.Create(VietnameseText.Culture, $"tệp quá lớn ({length:N0} byte, tối đa {MaxFileBytes:N0})"));
            }
            return await File.ReadAllBytesAsync(path, ct);
        }
        // A file that cannot be read is that file's problem: a broken link or one removed since the folder was
        // listed must not stop the other files, nor start-up.
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArticleFileException("không đọc được tệp: tệp không còn ở đó (đã bị xoá, hoặc là liên kết tới tệp không tồn tại)");
        }
        catch (UnauthorizedAccessException)
        {
            throw new ArticleFileException("không đọc được tệp: không có quyền đọc");
        }
        catch (IOException e)
        {
            throw new ArticleFileException($"không đọc được tệp: {e.Message}");
        }
    }

    /// <summary>The text, without a leading byte order mark; not UTF-8 is an <see cref="ArticleFileException"/> with its line.</summary>
    public static string Decode(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + Math.Max(e.Index, 0);
            var line = 1 + bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n');
            throw new ArticleFileException("tệp không phải UTF-8 hợp lệ", line);
        }
    }

    public static bool TryDecode(byte[] bytes, out string text)
    {
        try
        {
            text = Decode(bytes);
            return true;
        }
        catch (ArticleFileException)
        {
            text = "";
            return false;
        }
    }
}
