using System.Security.Cryptography;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Search;
using AseanJapanNews.Web.Text;
using Microsoft.Extensions.Logging;

namespace AseanJapanNews.Web.Content;

/// <summary>
/// The importer's reading stage: each file of a batch read, hashed and parsed on every core, while the writer saves
/// the batch before it. Files the database already has unchanged, purged ones and ones refused before are only hashed.
/// </summary>
internal sealed class ContentFileReader(RawTextDrafts rawText, ILogger logger)
{
    /// <summary>One file as read from disk: its hash and parsed article, or why it could not be read.</summary>
    public sealed record ReadFile(string Relative, string Hash, ArticleFile? File, ArticleFileException? Error)
    {
        /// <summary>Refused at an earlier run and unchanged since: not read again.</summary>
        public bool RefusedBefore { get; init; }

        /// <summary>The build (and for raw texts the cleaning rules) that read it, for <see cref="RefusedFile.ReaderVersion"/>.</summary>
        public string ReaderVersion { get; init; } = "";
    }

    /// <summary>This build of the readers: a file refused by another build is read again.</summary>
    private static readonly string ReaderVersion = typeof(ContentImporter).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public async Task<ReadFile[]> ReadAllAsync(
        (string Path, string Relative)[] batch, Dictionary<string, string?> knownHashes, IReadOnlyDictionary<string, PurgedFile> purged,
        IReadOnlyDictionary<string, RefusedFile> refused, CancellationToken ct)
    {
        await Task.Yield();
        var read = new ReadFile[batch.Length];
        await Parallel.ForAsync(0, batch.Length, ct, async (i, token) =>
        {
            var (path, relative) = batch[i];
            var hash = "";
            var isRawText = path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
            var version = isRawText ? ReaderVersion + "+" + rawText.RulesVersion : ReaderVersion;
            try
            {
                var bytes = await ContentBytes.ReadAsync(path, token);
                hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
                // Unchanged files are not parsed at all: a restart on a big archive only reads and hashes.
                // Purged files are only hashed, to tell whether they changed since the purge.
                if ((knownHashes.TryGetValue(relative, out var known) && known == hash) || purged.ContainsKey(relative))
                {
                    read[i] = new ReadFile(relative, hash, null, null);
                    return;
                }
                if (refused.TryGetValue(relative, out var before) && before.ContentHash == hash && before.ReaderVersion == version)
                {
                    read[i] = new ReadFile(relative, hash, null, new ArticleFileException(before.Reason, before.Line))
                        { RefusedBefore = true, ReaderVersion = version };
                    return;
                }
                var file = isRawText ? FromRawText(ContentBytes.Decode(bytes), relative) : ArticleFileFormat.Parse(ContentBytes.Decode(bytes));
                read[i] = new ReadFile(relative, hash, file, null);
            }
            catch (ArticleFileException e)
            {
                read[i] = new ReadFile(relative, hash, null, e) { ReaderVersion = version };
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // A reader that throws anything else has met an input no check foresaw: that file is refused, with the
                // stack in the log for whoever fixes the reader, and the rest of the batch goes on.
                logger.LogError(e, "Import could not read {File}", relative);
                read[i] = new ReadFile(relative, hash, null, new ArticleFileException($"{ArticleFileFormat.UnexpectedFailure} ({e.GetType().Name}: {e.Message})"))
                    { ReaderVersion = version };
            }
        });
        return read;
    }

    /// <summary>A raw pasted text: converted, and imported as a draft for an editor to review.</summary>
    private ArticleFile FromRawText(string text, string relative)
    {
        var draft = rawText.Convert(text);
        if (!DraftFiles.HoldsArticle(draft))
        {
            throw new ArticleFileException("văn bản thô không chứa bài viết nào (không tìm thấy tiêu đề và nội dung)");
        }
        if (draft.Body.Length > ArticleLimits.MaxBodyLength)
        {
            throw new ArticleFileException(string.Create(VietnameseText.Culture,
                $"nội dung bài sau khi chuyển đổi quá dài: {draft.Body.Length:N0} ký tự, tối đa {ArticleLimits.MaxBodyLength:N0} (như trang biên tập)"));
        }
        var file = DraftFiles.ToArticleFile(draft);
        if (file.BeyondFormLimits() is (_, var reason))
        {
            throw new ArticleFileException($"sau khi chuyển đổi: {reason}");
        }
        foreach (var removal in DraftFiles.Describe(draft))
        {
            logger.LogInformation("Converting {File}: removed {Removal}", relative, removal);
        }
        return file;
    }
}
