using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Search;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using AseanJapanNews.Web.Data.Sqlite;

namespace AseanJapanNews.Web.Content;

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
// About 330 lines: the writer's side of the import (batches, staging, moves, conflicts, slugs) kept together, since
// each step reads the state the one before it staged; reading, listing and remembering refusals have files of their own.
public sealed class ContentImporter(NewsDbContext db, TimeProvider clock, RawTextDrafts rawText, ILogger<ContentImporter> logger)
{
    /// <summary>The name revisions and the audit log give to the importer.</summary>
    public const string ImportActor = "content-import";

    /// <summary>Files per transaction: large enough that commits are rare, small enough that a retry is cheap.</summary>
    public const int BatchSize = 500;

    private readonly ContentFileReader reader = new(rawText, logger);

    public async Task<ImportReport> ImportAsync(string contentRoot, CancellationToken cancellationToken = default)
    {
        var articlesDir = Path.Combine(contentRoot, "articles");
        var listingProblems = new List<ImportProblem>();
        var files = Directory.Exists(articlesDir)
            ? ContentFolderListing.List(articlesDir, contentRoot, listingProblems, logger)
                .Order(StringComparer.Ordinal)
                .Select(f => (Path: f, Relative: ContentFolderListing.Relative(contentRoot, f)))
                .ToList()
            : [];
        if (files.Count == 0)
        {
            logger.LogWarning("Content folder {Folder} has no articles", articlesDir);
        }
        ImportRun run = null!;

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
            run = new ImportRun(
                await ImportState.LoadAsync(db, cancellationToken),
                listingProblems.Count == 0 ? files.Select(f => f.Relative).ToHashSet(StringComparer.Ordinal) : null);
            run.Problems.AddRange(listingProblems);
            // As they were before this run: the readers consult them while the writer changes the state.
            var knownHashes = run.State.Known.ToDictionary(k => k.Key, k => k.Value.Hash, StringComparer.Ordinal);
            var purged = run.State.Purged;
            var refused = run.State.Refused;
            var batches = files.Chunk(BatchSize).ToList();
            // Files of the next batch are read and parsed (on the other cores) while this one is written.
            var next = batches.Count > 0 ? reader.ReadAllAsync(batches[0], knownHashes, purged, refused, cancellationToken) : null;
            for (var i = 0; i < batches.Count; i++)
            {
                var read = await next!;
                next = i + 1 < batches.Count ? reader.ReadAllAsync(batches[i + 1], knownHashes, purged, refused, cancellationToken) : null;
                var changed = read.Where(r => !IsPurged(r, run) && !IsUnchanged(r, run)).ToList();
                run.Refused.AddRange(read.Where(r => r.Error is not null && r.Hash.Length > 0));
                if (changed.Count > 0)
                {
                    await WriteBatchAsync(changed, run, cancellationToken);
                    bulk.Changed = true;
                }
            }
            await RefusedFiles.RememberAsync(db, refused, run.Refused, clock.GetUtcNow().UtcDateTime, logger, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.Database.AutoSavepointsEnabled = autoSavepoints;
        }

        logger.LogInformation(
            "Content import: {Added} added, {Updated} updated, {Unchanged} unchanged, {Conflicts} kept as edited, {Purged} skipped as purged by an editor, {Failed} failed",
            run.Added, run.Updated, run.Unchanged, run.Conflicts, run.Purged.Count, run.Problems.Count);
        return run.Report();
    }

    /// <summary>
    /// A purged file stays out, even when its text changed since: the purge was a decision about the article, not
    /// about one version of it. Renaming the file imports it as a new article.
    /// </summary>
    private bool IsPurged(ContentFileReader.ReadFile read, ImportRun run)
    {
        if (!run.State.Purged.TryGetValue(read.Relative, out var purged))
        {
            return false;
        }
        run.Purged.Add(read.Relative);
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

    private static bool IsUnchanged(ContentFileReader.ReadFile read, ImportRun run)
    {
        if (read.Error is null && run.State.Known.TryGetValue(read.Relative, out var known) && known.Hash == read.Hash)
        {
            run.Count(ImportOutcome.Unchanged);
            return true;
        }
        return false;
    }

    private async Task WriteBatchAsync(List<ContentFileReader.ReadFile> batch, ImportRun run, CancellationToken ct)
    {
        var outcomes = new List<ImportOutcome>(batch.Count);
        var problems = new List<ImportProblem>();
        var inserts = new List<NewArticle>();
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                foreach (var read in batch)
                {
                    if (await TryStageAsync(read, run, inserts, problems, ct) is { } outcome)
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
            run.State.Commit();
            outcomes.ForEach(run.Count);
            run.Problems.AddRange(problems);
        }
        catch (Exception e) when (IsFileFailure(e) && batch.Count > 1)
        {
            logger.LogWarning(e, "Import batch of {Count} files failed to save; retrying them one by one", batch.Count);
            await ResetAsync(run, ct);
            foreach (var read in batch)
            {
                await WriteBatchAsync([read], run, ct);
            }
        }
        catch (Exception e) when (IsFileFailure(e))
        {
            var reason = e is DbUpdateException or DbException
                ? $"không lưu được vào cơ sở dữ liệu: {e.InnerException?.Message ?? e.Message}"
                : $"{ArticleFileFormat.UnexpectedFailure} ({e.GetType().Name}: {e.Message})";
            var problem = new ImportProblem(batch[0].Relative, null, reason);
            run.Problems.Add(problem);
            logger.LogError(e, "Import skipped {Problem}", problem.ToString());
            await ResetAsync(run, ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            run.State.ForgetArticles();
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
    private async Task ResetAsync(ImportRun run, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        run.State = await ImportState.LoadAsync(db, ct);
    }

    /// <summary>Stages one file's change; returns null when the file was skipped (and logged).</summary>
    private async Task<ImportOutcome?> TryStageAsync(ContentFileReader.ReadFile read, ImportRun run, List<NewArticle> inserts, List<ImportProblem> problems, CancellationToken ct)
    {
        try
        {
            if (read.Error is { } error)
            {
                throw error;
            }
            return await StageAsync(read, run, inserts, ct);
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
    private async Task<ImportOutcome> StageAsync(ContentFileReader.ReadFile read, ImportRun run, List<NewArticle> inserts, CancellationToken ct)
    {
        var (relative, hash, file) = (read.Relative, read.Hash, read.File!);
        var state = run.State;
        var known = state.Known.GetValueOrDefault(relative);
        if (known is null && run.Listed is not null && state.MovedFrom(hash, run.Listed) is ({ } from, { } moved))
        {
            return await MoveAsync(state, from, moved, relative, ct);
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

        var slug = ChooseSlug(state, file, known, relative);
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
        ArticleFileMapping.ApplyTo(file, article);
        article.ContentHash = hash;
        article.UpdatedAtUtc = now;
        article.RevisedAtUtc = existing is null ? null : now;
        article.Tags = state.ResolveTags(file.Tags, attachTo: existing is null ? null : db);
        article.Version++;
        var number = await ArticleRevisions.NextNumberAsync(db, article, ct);
        article.Revisions.Add(ArticleRevisions.Snapshot(article, number, ImportActor, $"Nhập từ {relative}", now));
        if (existing is null)
        {
            inserts.Add(new NewArticle(article));
        }
        state.Stage(article, relative);
        return existing is null ? ImportOutcome.Added : ImportOutcome.Updated;
    }

    /// <summary>
    /// The file is the one an article was imported from, under a new path (renamed or moved): same content, and the old
    /// path is gone. The article follows its file; nothing else about it changes, so it is not a new revision.
    /// </summary>
    private async Task<ImportOutcome> MoveAsync(ImportState state, string from, KnownFile known, string to, CancellationToken ct)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == known.Id, ct)
            ?? throw new ArticleFileException("bài của tệp này vừa bị xoá trong lúc nhập; tệp sẽ được xét lại ở lần nhập sau");
        article.OriginFile = to;
        state.StageMove(article, from, to);
        logger.LogInformation("Import: {From} was moved to {To}; article {Slug} follows it", from, to, article.Slug);
        return ImportOutcome.Updated;
    }

    private ImportOutcome KeptAsEdited(string relative, string slug)
    {
        logger.LogWarning(
            "Import kept {File} as edited in the admin area: article {Slug} was changed by an editor after it was imported; the file's changes were not applied",
            relative, slug);
        return ImportOutcome.Conflict;
    }

    private string ChooseSlug(ImportState state, ArticleFile file, KnownFile? existing, string relative)
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
        var derived = Slug.ForTitle(file.Title);
        var unique = Slug.Unique(derived, state.IsSlugTaken);
        if (unique != derived)
        {
            logger.LogInformation("Slug {Slug} is taken; {File} gets {Unique}", derived, relative, unique);
        }
        return unique;
    }
}
