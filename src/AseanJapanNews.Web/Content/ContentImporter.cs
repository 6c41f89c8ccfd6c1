using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Search;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AseanJapanNews.Web.Content;

/// <summary>What one import run did; <see cref="Problems"/> lists every file that was skipped and why.</summary>
public sealed record ImportReport(int Added, int Updated, int Unchanged, int Conflicts, IReadOnlyList<ImportProblem> Problems)
{
    public int Failed => Problems.Count;

    /// <summary>Files skipped because an Admin purged their article (relative to the content folder).</summary>
    public IReadOnlyList<string> SkippedAsPurged { get; init; } = [];
}

/// <summary>A skipped file: its path (relative to the content folder), the line when known, and the reason.</summary>
public sealed record ImportProblem(string Path, int? Line, string Reason)
{
    public override string ToString() => Line is { } l ? $"{Path}:{l}: {Reason}" : $"{Path}: {Reason}";
}

/// <summary>
/// Loads <c>content/articles</c> into the database. Idempotent: files are matched to articles by path and
/// content hash, so a restart adds nothing and rewrites nothing that did not change; an article an editor
/// changed in the admin area is never overwritten (the conflict is logged instead), and a file whose article an
/// Admin purged is never imported again (a purge is a deliberate takedown).
/// </summary>
/// <remarks>
/// Built for a newsroom archive of 100,000 files: what the database knows (paths, hashes, slugs, tags) is read
/// once, files are read and parsed on every core, and changes are written in batches of <see cref="BatchSize"/>
/// files per transaction. If a batch fails to save, it is retried one file per transaction, so one bad file
/// never costs the good files of its batch.
/// </remarks>
public sealed class ContentImporter(NewsDbContext db, TimeProvider clock, RawTextDrafts rawText, ILogger<ContentImporter> logger)
{
    /// <summary>Files larger than this are refused: no real article is anywhere near it.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The name revisions and the audit log give to the importer.</summary>
    public const string ImportActor = "content-import";

    /// <summary>Files per transaction: large enough that commits are rare, small enough that a retry is cheap.</summary>
    public const int BatchSize = 500;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private ImportState state = null!;

    /// <summary>Every file this run found, or null when a folder could not be listed (its files may still be there).</summary>
    private HashSet<string>? listed;

    public async Task<ImportReport> ImportAsync(string contentRoot, CancellationToken cancellationToken = default)
    {
        var articlesDir = Path.Combine(contentRoot, "articles");
        var tally = new Tally();

        var files = Directory.Exists(articlesDir)
            ? ListArticleFiles(articlesDir, contentRoot, tally)
                .Order(StringComparer.Ordinal)
                .Select(f => (Path: f, Relative: Relative(contentRoot, f)))
                .ToList()
            : [];
        listed = tally.Problems.Count == 0 ? files.Select(f => f.Relative).ToHashSet(StringComparer.Ordinal) : null;
        if (files.Count == 0)
        {
            logger.LogWarning("Content folder {Folder} has no articles", articlesDir);
        }

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        var autoSavepoints = db.Database.AutoSavepointsEnabled;
        // Change detection over every tracked entity on each Add is what makes bulk adds quadratic.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // A failed batch is rolled back whole and retried file by file, so the savepoint SaveChanges would set
        // inside our transaction is never used; while open, it made SQLite copy every page the batch touched
        // into a statement journal and walk that journal at the end of every statement.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await using var bulk = await SqliteDatabase.BeginBulkWriteAsync(db, cancellationToken);
            state = await ImportState.LoadAsync(db, cancellationToken);
            // Hashes as they were before this run: the readers consult it while the writer changes the state.
            var knownHashes = state.Known.ToDictionary(k => k.Key, k => k.Value.Hash, StringComparer.Ordinal);
            var purged = state.Purged;
            var refused = state.Refused;
            var refusedNow = new List<ReadFile>();
            var batches = files.Chunk(BatchSize).ToList();
            // Files of the next batch are read and parsed (on the other cores) while this one is written.
            var next = batches.Count > 0 ? ReadAllAsync(batches[0], knownHashes, purged, refused, cancellationToken) : null;
            for (var i = 0; i < batches.Count; i++)
            {
                var read = await next!;
                next = i + 1 < batches.Count ? ReadAllAsync(batches[i + 1], knownHashes, purged, refused, cancellationToken) : null;
                var changed = read.Where(r => !IsPurged(r, tally) && !IsUnchanged(r, tally)).ToList();
                refusedNow.AddRange(read.Where(r => r.Error is not null && r.Hash.Length > 0));
                if (changed.Count > 0)
                {
                    await WriteBatchAsync(changed, tally, cancellationToken);
                    bulk.Changed = true;
                }
            }
            await RememberRefusalsAsync(refused, refusedNow, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.Database.AutoSavepointsEnabled = autoSavepoints;
        }

        logger.LogInformation(
            "Content import: {Added} added, {Updated} updated, {Unchanged} unchanged, {Conflicts} kept as edited, {Purged} skipped as purged by an editor, {Failed} failed",
            tally.Added, tally.Updated, tally.Unchanged, tally.Conflicts, tally.Purged.Count, tally.Problems.Count);
        return new ImportReport(tally.Added, tally.Updated, tally.Unchanged, tally.Conflicts, tally.Problems) { SkippedAsPurged = tally.Purged };
    }

    /// <summary>
    /// The article files under <paramref name="articlesDir"/> (<see cref="ContentFileNames"/> says which names count).
    /// A folder that cannot be listed (no permission, removed while listing) is reported as a problem and its files
    /// are left out; the rest of the folder still loads.
    /// </summary>
    private List<string> ListArticleFiles(string articlesDir, string contentRoot, Tally tally)
    {
        var found = new List<string>();
        // Where the articles really are: the folder itself may be a link to them.
        var articlesRoot = new DirectoryInfo(articlesDir).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? articlesDir;
        var folders = new Stack<string>([articlesDir]);
        while (folders.TryPop(out var folder))
        {
            try
            {
                foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
                {
                    if (ContentFileNames.IsPassedOver(entry.Name))
                    {
                        logger.LogDebug("Import passes over {Path}: hidden, or an editor's temporary file", Relative(contentRoot, entry.FullName));
                    }
                    else if (entry is not DirectoryInfo subfolder)
                    {
                        if (!ContentFileNames.IsArticle(entry.Name))
                        {
                            continue;
                        }
                        if (LinkedArticleInside(entry, articlesRoot) is { } original)
                        {
                            // A second path to a file already in the folder would be a second, published copy of it.
                            logger.LogWarning("Import passes over the file link {Path}: it leads to {Original}, which is imported under its own path",
                                Relative(contentRoot, entry.FullName), Relative(contentRoot, Path.Combine(articlesDir, original)));
                            continue;
                        }
                        found.Add(entry.FullName);
                    }
                    // Links to folders are not followed (the articles folder itself may be one). A link back up the
                    // tree is a loop, and one to elsewhere in it gives the same files a second path, so a second
                    // article each; remembering the folders seen would stop both, but which path an article got would
                    // then depend on the order of the listing. Files the site should have belong in the folder.
                    else if (subfolder.LinkTarget is { } target)
                    {
                        logger.LogWarning("Import does not follow the folder link {Path} -> {Target}; move its files into the content folder to import them",
                            Relative(contentRoot, subfolder.FullName), target);
                    }
                    else
                    {
                        folders.Push(subfolder.FullName);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var reason = e is UnauthorizedAccessException ? "không có quyền đọc" : e.Message;
                var problem = new ImportProblem(Relative(contentRoot, folder), null, $"không đọc được thư mục: {reason}; các tệp trong đó chưa được nhập");
                tally.Problems.Add(problem);
                logger.LogError("Import skipped {Problem}", problem.ToString());
            }
        }
        return found;
    }

    /// <summary>
    /// For a link to a file inside the articles folder, that file's path relative to the folder; null for anything
    /// else (a plain file, a link to content kept elsewhere, a dangling link, which is reported when read).
    /// </summary>
    private static string? LinkedArticleInside(FileSystemInfo file, string articlesRoot)
    {
        if (file.LinkTarget is null || file.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true } target)
        {
            return null;
        }
        var inside = Path.GetRelativePath(articlesRoot, target.FullName);
        var outside = inside == ".." || inside.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(inside);
        return outside ? null : inside;
    }

    private static string Relative(string contentRoot, string path) => Path.GetRelativePath(contentRoot, path).Replace('\\', '/');

    private enum Outcome { Added, Updated, Unchanged, Conflict }

    private sealed class Tally
    {
        public int Added, Updated, Unchanged, Conflicts;
        public List<ImportProblem> Problems { get; } = [];
        public List<string> Purged { get; } = [];

        public void Count(Outcome outcome)
        {
            switch (outcome)
            {
                case Outcome.Added: Added++; break;
                case Outcome.Updated: Updated++; break;
                case Outcome.Unchanged: Unchanged++; break;
                case Outcome.Conflict: Conflicts++; break;
            }
        }
    }

    /// <summary>
    /// One file as read from disk: its hash and parsed article, or why it could not be read; for a file new to the
    /// database also its words for the search index, prepared here, beside the writer.
    /// </summary>
    private sealed record ReadFile(string Relative, string Hash, ArticleFile? File, ArticleFileException? Error, SearchDocument? Words = null)
    {
        /// <summary>Refused at an earlier run and unchanged since: not read again.</summary>
        public bool RefusedBefore { get; init; }

        /// <summary>The build (and for raw texts the cleaning rules) that read it, for <see cref="RefusedFile.ReaderVersion"/>.</summary>
        public string ReaderVersion { get; init; } = "";
    }

    /// <summary>This build of the readers: a file refused by another build is read again.</summary>
    private static readonly string ReaderVersion = typeof(ContentImporter).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private async Task<ReadFile[]> ReadAllAsync(
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
                var bytes = await ReadLimitedAsync(path, token);
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
                var file = isRawText ? FromRawText(Decode(bytes), relative) : ArticleFileFormat.Parse(Decode(bytes));
                var words = knownHashes.ContainsKey(relative) ? null : SearchDocument.From(file.Title, [], file.Summary ?? "", file.Body);
                read[i] = new ReadFile(relative, hash, file, null, words);
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

    /// <summary>
    /// A purged file stays out, even when its text changed since: the purge was a decision about the article, not
    /// about one version of it. Renaming the file imports it as a new article.
    /// </summary>
    private bool IsPurged(ReadFile read, Tally tally)
    {
        if (!state.Purged.TryGetValue(read.Relative, out var purged))
        {
            return false;
        }
        tally.Purged.Add(read.Relative);
        if (read.Hash != purged.ContentHash)
        {
            logger.LogWarning(
                "Import skipped {File}: purged by an editor ({PurgedBy}, article {Slug}); the file changed since, but is not imported again (rename it to import it as a new article)",
                read.Relative, purged.PurgedBy, purged.Slug);
        }
        else
        {
            logger.LogInformation("Import skipped {File}: purged by an editor ({PurgedBy}, article {Slug})", read.Relative, purged.PurgedBy, purged.Slug);
        }
        return true;
    }

    private bool IsUnchanged(ReadFile read, Tally tally)
    {
        if (read.Error is null && state.Known.TryGetValue(read.Relative, out var known) && known.Hash == read.Hash)
        {
            tally.Count(Outcome.Unchanged);
            return true;
        }
        return false;
    }

    private async Task WriteBatchAsync(List<ReadFile> batch, Tally tally, CancellationToken ct)
    {
        var outcomes = new List<Outcome>(batch.Count);
        var problems = new List<ImportProblem>();
        var inserts = new List<NewArticle>();
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                foreach (var read in batch)
                {
                    if (await TryStageAsync(read, inserts, problems, ct) is { } outcome)
                    {
                        outcomes.Add(outcome);
                    }
                }
                // Updates first: a tag new in this batch that an updated article carries gets its id from EF's save.
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                await ArticleBulkInsert.InsertAsync(db, inserts, ct);
                await transaction.CommitAsync(ct);
            }
            state.Commit();
            outcomes.ForEach(tally.Count);
            tally.Problems.AddRange(problems);
        }
        catch (Exception e) when (IsFileFailure(e) && batch.Count > 1)
        {
            logger.LogWarning(e, "Import batch of {Count} files failed to save; retrying them one by one", batch.Count);
            await ResetAsync(ct);
            foreach (var read in batch)
            {
                await WriteBatchAsync([read], tally, ct);
            }
        }
        catch (Exception e) when (IsFileFailure(e))
        {
            var reason = e is DbUpdateException or DbException
                ? $"không lưu được vào cơ sở dữ liệu: {e.InnerException?.Message ?? e.Message}"
                : $"{ArticleFileFormat.UnexpectedFailure} ({e.GetType().Name}: {e.Message})";
            var problem = new ImportProblem(batch[0].Relative, null, reason);
            tally.Problems.Add(problem);
            logger.LogError(e, "Import skipped {Problem}", problem.ToString());
            await ResetAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            state.ForgetArticles();
        }
    }

    /// <summary>
    /// Keeps <see cref="RefusedFile"/> in step with this run: the files it could not read, and no others (a file
    /// fixed, removed or refused for another reason since is forgotten). Only what a file holds decides these
    /// refusals; a refusal that depends on the database (a slug another article has) is not remembered.
    /// </summary>
    private async Task RememberRefusalsAsync(IReadOnlyDictionary<string, RefusedFile> before, List<ReadFile> now, CancellationToken ct)
    {
        var current = now.ToDictionary(r => r.Relative, StringComparer.Ordinal);
        var gone = before.Keys.Where(path => !current.ContainsKey(path)).ToList();
        var fresh = now.Where(r => !r.RefusedBefore).ToList();
        if (gone.Count == 0 && fresh.Count == 0)
        {
            return;
        }
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var path in gone)
        {
            db.RefusedFiles.Remove(new RefusedFile { Path = path, ContentHash = "", ReaderVersion = "", Reason = "" });
        }
        foreach (var read in fresh)
        {
            var row = new RefusedFile
            {
                Path = read.Relative,
                ContentHash = read.Hash,
                ReaderVersion = read.ReaderVersion,
                Line = read.Error!.Line,
                Reason = read.Error.Message.Length > 2000 ? read.Error.Message[..2000] : read.Error.Message,
                RefusedAtUtc = at,
            };
            if (before.ContainsKey(read.Relative))
            {
                db.RefusedFiles.Update(row);
            }
            else
            {
                db.RefusedFiles.Add(row);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // Only a saving of time at the next start: the files are read again then.
            logger.LogWarning(e, "Import could not remember the files it refused; they are read again at the next import");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// What one file's staging or saving can throw and still leave the rest of the import able to go on: anything
    /// but a cancellation or the database itself going away (a closed connection, a disk that is full). Those end
    /// the import, which the caller reports as failed.
    /// </summary>
    private static bool IsFileFailure(Exception e) =>
        e is not (OperationCanceledException or OutOfMemoryException or ObjectDisposedException)
        && !(e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 or 10 or 26 or 11 });

    /// <summary>After a failed save nothing staged can be trusted: start again from what the database holds.</summary>
    private async Task ResetAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        state = await ImportState.LoadAsync(db, ct);
    }

    /// <summary>Stages one file's change; returns null when the file was skipped (and logged).</summary>
    private async Task<Outcome?> TryStageAsync(ReadFile read, List<NewArticle> inserts, List<ImportProblem> problems, CancellationToken ct)
    {
        try
        {
            if (read.Error is { } error)
            {
                throw error;
            }
            return await StageAsync(read, inserts, ct);
        }
        catch (ArticleFileException e)
        {
            var problem = new ImportProblem(read.Relative, e.Line, e.Message);
            problems.Add(problem);
            if (read.RefusedBefore)
            {
                logger.LogError("Import skipped {Problem} (unchanged since it was refused; not read again)", problem.ToString());
            }
            else
            {
                logger.LogError("Import skipped {Problem}", problem.ToString());
            }
            return null;
        }
    }

    /// <summary>
    /// An update is staged in EF's change tracker; a new article goes to <paramref name="inserts"/>, written by
    /// <see cref="ArticleBulkInsert"/> (EF's save was a third of the writer's time on a large import).
    /// </summary>
    private async Task<Outcome> StageAsync(ReadFile read, List<NewArticle> inserts, CancellationToken ct)
    {
        var (relative, hash, file) = (read.Relative, read.Hash, read.File!);
        var known = state.Known.GetValueOrDefault(relative);
        if (known is null && listed is not null && state.MovedFrom(hash, listed) is ({ } from, { } moved))
        {
            return await MoveAsync(from, moved, relative, ct);
        }
        if (known is { EditedSinceImport: true })
        {
            return KeptAsEdited(relative, known.Slug);
        }
        if (file.Date is null && !file.Draft)
        {
            throw new ArticleFileException("thiếu 'date': bài đăng cần ngày xuất bản (hoặc đặt 'draft: true')");
        }
        if (string.IsNullOrWhiteSpace(file.Body) && !file.Draft)
        {
            throw new ArticleFileException("thiếu nội dung bài: không có gì sau front matter (bài chưa viết xong thì đặt 'draft: true')", file.BodyLine);
        }

        var slug = ChooseSlug(file, known, relative);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = known is null ? null : await db.Articles.Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == known.Id, ct)
            ?? throw new ArticleFileException("bài của tệp này vừa bị xoá trong lúc nhập; tệp sẽ được xét lại ở lần nhập sau");
        // The state was read when the run began: an editor may have saved since. The row, read inside this batch's
        // transaction (which holds SQLite's write lock until it commits), is what is true now.
        if (existing is { EditedSinceImport: true })
        {
            return KeptAsEdited(relative, existing.Slug);
        }
        var article = existing ?? new Article { Slug = "", Title = "", OriginFile = relative, CreatedAtUtc = now };
        // A file whose slug changed keeps its old address working, as an editor's rename does.
        await SlugHistory.ChangeSlugAsync(db, article, slug, ct);
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
        article.UpdatedAtUtc = now;
        article.RevisedAtUtc = existing is null ? null : now;
        article.Tags = state.ResolveTags(file.Tags, attachTo: existing is null ? null : db);
        article.Version++;
        var number = existing is null ? 1 : await db.Revisions.Where(r => r.ArticleId == existing.Id).MaxAsync(r => (int?)r.Number, ct) + 1 ?? 1;
        article.Revisions.Add(ArticleRevisions.Snapshot(article, number, ImportActor, $"Nhập từ {relative}", now));
        if (existing is null)
        {
            var words = read.Words ?? SearchDocument.From(file.Title, [], article.Summary, article.Body);
            inserts.Add(new NewArticle(article, words.WithTags(article.Tags.Select(t => t.Name))));
        }
        state.Stage(article, relative);
        return existing is null ? Outcome.Added : Outcome.Updated;
    }

    /// <summary>
    /// The file is the one an article was imported from, under a new path (renamed or moved): same content, and the old
    /// path is gone. The article follows its file; nothing else about it changes, so it is not a new revision.
    /// </summary>
    private async Task<Outcome> MoveAsync(string from, KnownFile known, string to, CancellationToken ct)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == known.Id, ct)
            ?? throw new ArticleFileException("bài của tệp này vừa bị xoá trong lúc nhập; tệp sẽ được xét lại ở lần nhập sau");
        article.OriginFile = to;
        state.StageMove(article, from, to);
        logger.LogInformation("Import: {From} was moved to {To}; article {Slug} follows it", from, to, article.Slug);
        return Outcome.Updated;
    }

    private Outcome KeptAsEdited(string relative, string slug)
    {
        logger.LogWarning(
            "Import kept {File} as edited in the admin area: article {Slug} was changed by an editor after it was imported; the file's changes were not applied",
            relative, slug);
        return Outcome.Conflict;
    }

    /// <summary>A raw pasted text: converted, and imported as a draft for an editor to review.</summary>
    private ArticleFile FromRawText(string text, string relative)
    {
        var draft = rawText.Convert(text);
        if (!DraftFiles.HoldsArticle(draft))
        {
            throw new ArticleFileException("văn bản thô không chứa bài viết nào (không tìm thấy tiêu đề và nội dung)");
        }
        if (draft.Body.Length > ArticleFile.MaxBodyLength)
        {
            throw new ArticleFileException(string.Create(VietnameseText.Culture,
                $"nội dung bài sau khi chuyển đổi quá dài: {draft.Body.Length:N0} ký tự, tối đa {ArticleFile.MaxBodyLength:N0} (như trang biên tập)"));
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

    private string ChooseSlug(ArticleFile file, KnownFile? existing, string relative)
    {
        var ownId = existing?.Id ?? 0;
        if (file.Slug is { } wanted)
        {
            if (state.SlugOwner(wanted, ownId, relative) is { } owner)
            {
                throw new ArticleFileException($"slug '{wanted}' trùng với bài {owner}");
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
        var unique = Slug.Unique(derived, state.IsSlugTaken);
        if (unique != derived)
        {
            logger.LogInformation("Slug {Slug} is taken; {File} gets {Unique}", derived, relative, unique);
        }
        return unique;
    }

    private static async Task<byte[]> ReadLimitedAsync(string path, CancellationToken ct)
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
