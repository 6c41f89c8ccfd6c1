using System.Security.Cryptography;
using System.Text;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AseanJapanNews.Web.Content;

/// <summary>What one import run did; <see cref="Problems"/> lists every file that was skipped and why.</summary>
public sealed record ImportReport(int Added, int Updated, int Unchanged, int Conflicts, IReadOnlyList<ImportProblem> Problems)
{
    public int Failed => Problems.Count;
}

/// <summary>A skipped file: its path (relative to the content folder), the line when known, and the reason.</summary>
public sealed record ImportProblem(string Path, int? Line, string Reason)
{
    public override string ToString() => Line is { } l ? $"{Path}:{l}: {Reason}" : $"{Path}: {Reason}";
}

/// <summary>
/// Loads <c>content/articles</c> into the database. Idempotent: files are matched to articles by path and
/// content hash, so a restart adds nothing and rewrites nothing that did not change; an article an editor
/// changed in the admin area is never overwritten (the conflict is logged instead). One transaction per file.
/// </summary>
public sealed class ContentImporter(NewsDbContext db, TimeProvider clock, RawTextDrafts rawText, ILogger<ContentImporter> logger)
{
    /// <summary>Files larger than this are refused: no real article is anywhere near it.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The name revisions and the audit log give to the importer.</summary>
    public const string ImportActor = "content-import";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<ImportReport> ImportAsync(string contentRoot, CancellationToken cancellationToken = default)
    {
        var articlesDir = Path.Combine(contentRoot, "articles");
        int added = 0, updated = 0, unchanged = 0, conflicts = 0;
        var problems = new List<ImportProblem>();

        var files = Directory.Exists(articlesDir)
            ? Directory.EnumerateFiles(articlesDir, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            logger.LogWarning("Content folder {Folder} has no articles", articlesDir);
        }

        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(contentRoot, file).Replace('\\', '/');
            try
            {
                switch (await ImportFileAsync(file, relative, cancellationToken))
                {
                    case Outcome.Added: added++; break;
                    case Outcome.Updated: updated++; break;
                    case Outcome.Unchanged: unchanged++; break;
                    case Outcome.Conflict: conflicts++; break;
                }
            }
            catch (ArticleFileException e)
            {
                var problem = new ImportProblem(relative, e.Line, e.Message);
                problems.Add(problem);
                logger.LogError("Import skipped {Problem}", problem.ToString());
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        logger.LogInformation(
            "Content import: {Added} added, {Updated} updated, {Unchanged} unchanged, {Conflicts} kept as edited, {Failed} failed",
            added, updated, unchanged, conflicts, problems.Count);
        return new ImportReport(added, updated, unchanged, conflicts, problems);
    }

    private enum Outcome { Added, Updated, Unchanged, Conflict }

    private async Task<Outcome> ImportFileAsync(string path, string relative, CancellationToken ct)
    {
        var bytes = await ReadLimitedAsync(path, ct);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var existing = await db.Articles.Include(a => a.Tags).SingleOrDefaultAsync(a => a.OriginFile == relative, ct);
        if (existing is not null && existing.ContentHash == hash)
        {
            return Outcome.Unchanged;
        }

        var file = path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            ? FromRawText(Decode(bytes), relative)
            : ArticleFileFormat.Parse(Decode(bytes));
        if (existing is { EditedSinceImport: true })
        {
            logger.LogWarning(
                "Import kept {File} as edited in the admin area: article {Slug} was changed by an editor after it was imported; the file's changes were not applied",
                relative, existing.Slug);
            return Outcome.Conflict;
        }
        if (file.Date is null && !file.Draft)
        {
            throw new ArticleFileException("thiếu 'date': bài đăng cần ngày xuất bản (hoặc đặt 'draft: true')");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var article = existing ?? new Article { Slug = "", Title = "", OriginFile = relative, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        article.Slug = await ChooseSlugAsync(file, existing, relative, ct);
        article.Title = file.Title;
        article.Summary = file.Summary ?? "";
        article.Body = file.Body;
        article.PublishedAtUtc = file.Date?.UtcDateTime;
        article.PublishedTimeKnown = file.DateHasTime;
        article.Author = file.Author;
        article.SourceName = file.Source;
        article.SourceUrl = file.SourceUrl;
        article.Status = file.Draft ? ArticleStatus.Draft : ArticleStatus.Published;
        article.ContentHash = hash;
        article.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        article.Tags = await TagSet.ResolveAsync(db, file.Tags, ct);
        article.Version++;
        var number = existing is null ? 1 : await db.Revisions.Where(r => r.ArticleId == existing.Id).MaxAsync(r => (int?)r.Number, ct) + 1 ?? 1;
        article.Revisions.Add(ArticleRevisions.Snapshot(article, number, ImportActor, $"Nhập từ {relative}", article.UpdatedAtUtc));
        if (existing is null)
        {
            db.Articles.Add(article);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return existing is null ? Outcome.Added : Outcome.Updated;
    }

    /// <summary>A raw pasted text: converted, and imported as a draft for an editor to review.</summary>
    private ArticleFile FromRawText(string text, string relative)
    {
        var draft = rawText.Convert(text);
        if (!DraftFiles.HoldsArticle(draft))
        {
            throw new ArticleFileException("văn bản thô không chứa bài viết nào (không tìm thấy tiêu đề và nội dung)");
        }
        foreach (var removal in DraftFiles.Describe(draft))
        {
            logger.LogInformation("Converting {File}: removed {Removal}", relative, removal);
        }
        return DraftFiles.ToArticleFile(draft);
    }

    private async Task<string> ChooseSlugAsync(ArticleFile file, Article? existing, string relative, CancellationToken ct)
    {
        var ownId = existing?.Id ?? 0;
        if (file.Slug is { } wanted)
        {
            var owner = await db.Articles.Where(a => a.Slug == wanted && a.Id != ownId)
                .Select(a => new { a.OriginFile }).FirstOrDefaultAsync(ct);
            if (owner is not null)
            {
                throw new ArticleFileException($"slug '{wanted}' trùng với bài {owner.OriginFile ?? "đã có trong cơ sở dữ liệu"}");
            }
            return wanted;
        }
        // Keep a published URL stable when only the title changes.
        if (existing is not null)
        {
            return existing.Slug;
        }
        var derived = Slug.From(file.Title);
        if (derived.Length == 0)
        {
            derived = "bai-viet";
        }
        var taken = await db.Articles.Where(a => a.Slug == derived || a.Slug.StartsWith(derived + "-")).Select(a => a.Slug).ToListAsync(ct);
        var unique = Slug.Unique(derived, taken.Contains);
        if (unique != derived)
        {
            logger.LogInformation("Slug {Slug} is taken; {File} gets {Unique}", derived, relative, unique);
        }
        return unique;
    }

    private static async Task<byte[]> ReadLimitedAsync(string path, CancellationToken ct)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new ArticleFileException($"tệp quá lớn ({length:N0} byte, tối đa {MaxFileBytes:N0})");
        }
        return await File.ReadAllBytesAsync(path, ct);
    }

    private static string Decode(byte[] bytes)
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
}
