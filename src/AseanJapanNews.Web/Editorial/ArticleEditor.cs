using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;
using AseanJapanNews.Web.Text.Conversion;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Editorial;

/// <summary>
/// Every editorial change to an article goes through here, so each one keeps a revision, an audit entry,
/// the concurrency check and the "edited since import" mark.
/// </summary>
// Over 300 lines on purpose: every save (create, update, state change, purge, revision restore) goes through one
// protocol here (OpenAsync, the version check, CommitAsync, ConflictAsync); split, its steps would be read apart.
public sealed class ArticleEditor(NewsDbContext db, TimeProvider clock, AuditLog audit, ILogger<ArticleEditor> logger)
{
    /// <summary>
    /// Why a save of a trashed article is refused: only restore (or purge) applies in the trash, so a tab opened
    /// before the article was trashed cannot publish it again, and restore finds the state it is meant to.
    /// </summary>
    public static readonly string InTrash =
        $"Bài đang ở trong thùng rác nên không lưu được. Hãy khôi phục bài trước (nút “{AuditAction.Restore.Label}”), rồi sửa hoặc xuất bản.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<EditOutcome> CreateAsync(ArticleChanges changes, SaveIntent intent, string actor, CancellationToken ct) =>
        OnceMoreIfRefusedAsync(() => CreateOnceAsync(changes, intent, actor, ct), ct);

    public Task<EditOutcome> UpdateAsync(int id, int expectedVersion, ArticleChanges changes, SaveIntent intent, string actor, CancellationToken ct) =>
        OnceMoreIfRefusedAsync(() => UpdateOnceAsync(id, expectedVersion, changes, intent, actor, ct), ct);

    /// <summary>Makes revision <paramref name="number"/> the current article; the restore is itself a new revision.</summary>
    public Task<EditOutcome> RestoreRevisionAsync(int id, int number, int expectedVersion, string actor, CancellationToken ct) =>
        OnceMoreIfRefusedAsync(() => RestoreRevisionOnceAsync(id, number, expectedVersion, actor, ct), ct);

    /// <summary>The answer when a save is refused twice by the database: the caller shows it with the typed text kept.</summary>
    public const string NotSaved = "Chưa lưu được bài vì một lần lưu khác diễn ra cùng lúc. Nội dung bạn nhập vẫn còn nguyên; hãy bấm lưu lần nữa.";

    /// <summary>
    /// A save looks up its topics and slug, then inserts; another editor's save can commit in between with the same
    /// new topic or the same slug, and the database's unique index refuses this one. Its changes are dropped and it
    /// runs once more from the start, now seeing the other save's rows: the topic is shared, a slug taken is reported
    /// as such. The database error is not inspected (any provider's unique violation is a DbUpdateException), so a
    /// refusal for another reason also gets one more try, then a message instead of a 500.
    /// </summary>
    private async Task<EditOutcome> OnceMoreIfRefusedAsync(Func<Task<EditOutcome>> save, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await save();
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && !ct.IsCancellationRequested)
            {
                db.ChangeTracker.Clear();
                if (attempt == 2)
                {
                    logger.LogError(e, "An article save was refused by the database twice");
                    return new EditOutcome.NotAllowed(NotSaved);
                }
                logger.LogInformation("An article save was refused by the database ({Reason}); trying once more", e.InnerException?.Message ?? e.Message);
            }
        }
    }

    private async Task<EditOutcome> CreateOnceAsync(ArticleChanges changes, SaveIntent intent, string actor, CancellationToken ct)
    {
        // Before the slug check: a repeat of a post with a typed slug would find that slug taken by its own article.
        var sent = changes.CreationKey is { } key ? await SentBeforeAsync(key, ct) : null;
        if (sent is not null && sent.Text == CleanText(changes))
        {
            return new EditOutcome.Saved(sent.Id); // the same form posted again: the article it already made
        }
        // Only a typed slug can be "taken": a derived one was free a moment ago, and if another save claims it before
        // this one commits (the same form posted twice at once), the database refuses this save and the retry finds
        // the article the other post made. Checking it again here answered that race with "slug taken".
        var typed = !string.IsNullOrWhiteSpace(changes.Slug);
        var slug = typed ? changes.Slug!.Trim() : await FreeSlugAsync(changes.Title, 0, ct);
        if (typed && await SlugOwnerAsync(slug, 0, ct) is { } other)
        {
            return new EditOutcome.SlugTaken(slug, other);
        }
        var article = new Article { Slug = slug, Title = "", CreatedAtUtc = Now, Status = ArticleStatus.Draft };
        await ApplyAsync(article, changes, ct);
        article.Slug = slug;
        // Sent before with other text (Back, then edited): a second article, kept whole, without the key.
        article.CreationKey = sent is null ? changes.CreationKey : null;
        var action = ApplyIntent(article, intent);
        if (PublishRefusal(article) is { } refusal)
        {
            return new EditOutcome.NotAllowed(refusal);
        }
        db.Articles.Add(article);
        await SaveAsync(article, actor, action is null ? AuditAction.Create.Label : $"{AuditAction.Create.Label} và {action.Phrase}", ct);
        audit.Record(actor, AuditAction.Create, article.Slug);
        if (action is not null)
        {
            audit.Record(actor, action, article.Slug, Details(article));
        }
        await db.SaveChangesAsync(ct);
        return new EditOutcome.Saved(article.Id);
    }

    private sealed record SentArticle(int Id, (string Title, string Summary, string Body) Text);

    private async Task<SentArticle?> SentBeforeAsync(string creationKey, CancellationToken ct)
    {
        var row = await db.Articles.AsNoTracking()
            .Where(a => a.CreationKey == creationKey)
            .Select(a => new { a.Id, a.Title, a.Summary, a.Body })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new SentArticle(row.Id, (row.Title, row.Summary, row.Body));
    }

    private async Task<EditOutcome> UpdateOnceAsync(int id, int expectedVersion, ArticleChanges changes, SaveIntent intent, string actor, CancellationToken ct)
    {
        var (article, refused) = await OpenAsync(id, expectedVersion, ct);
        if (article is null)
        {
            return refused!;
        }
        if (article.Status == ArticleStatus.Trashed)
        {
            return new EditOutcome.NotAllowed(InTrash);
        }
        var slug = string.IsNullOrWhiteSpace(changes.Slug) ? article.Slug : changes.Slug.Trim();
        if (await SlugOwnerAsync(slug, id, ct) is { } other)
        {
            return new EditOutcome.SlugTaken(slug, other);
        }
        await ApplyAsync(article, changes, ct);
        await SlugHistory.ChangeSlugAsync(db, article, slug, ct);
        var action = ApplyIntent(article, intent);
        if (PublishRefusal(article) is { } refusal)
        {
            return new EditOutcome.NotAllowed(refusal);
        }
        article.EditedSinceImport |= article.OriginFile is not null;
        await SaveAsync(article, actor, action is null ? AuditAction.Edit.Label : $"Sửa và {action.Phrase}", ct);
        audit.Record(actor, AuditAction.Edit, article.Slug);
        if (action is not null)
        {
            audit.Record(actor, action, article.Slug, Details(article));
        }
        return await CommitAsync(article, expectedVersion, ct);
    }

    public Task<EditOutcome> TrashAsync(int id, int expectedVersion, string actor, CancellationToken ct) =>
        ChangeStateAsync(id, expectedVersion, actor, AuditAction.Trash, AuditAction.Trash.Label, article =>
        {
            if (article.Status == ArticleStatus.Trashed)
            {
                return "Bài đã ở trong thùng rác.";
            }
            article.StatusBeforeTrash = article.Status;
            article.Status = ArticleStatus.Trashed;
            return null;
        }, ct);

    public Task<EditOutcome> RestoreAsync(int id, int expectedVersion, string actor, CancellationToken ct) =>
        ChangeStateAsync(id, expectedVersion, actor, AuditAction.Restore, AuditAction.Restore.Label, article =>
        {
            if (article.Status != ArticleStatus.Trashed)
            {
                return "Bài không ở trong thùng rác.";
            }
            article.Status = article.StatusBeforeTrash ?? ArticleStatus.Draft;
            article.StatusBeforeTrash = null;
            return null;
        }, ct);

    public Task<EditOutcome> UnpublishAsync(int id, int expectedVersion, string actor, CancellationToken ct) =>
        ChangeStateAsync(id, expectedVersion, actor, AuditAction.Unpublish, $"{AuditAction.Unpublish.Label} (về nháp)", article =>
        {
            if (article.Status != ArticleStatus.Published)
            {
                return "Bài chưa được xuất bản.";
            }
            article.Status = ArticleStatus.Draft;
            return null;
        }, ct);

    /// <summary>
    /// Deletes a trashed article for good, with its revisions. Admins only (checked by the caller). An imported
    /// article's file is remembered as purged, so later imports skip it.
    /// </summary>
    public async Task<EditOutcome> PurgeAsync(int id, string actor, CancellationToken ct)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return new EditOutcome.NotFound();
        }
        if (article.Status != ArticleStatus.Trashed)
        {
            return new EditOutcome.NotAllowed("Chỉ xóa vĩnh viễn được bài đã ở trong thùng rác.");
        }
        db.Articles.Remove(article);
        if (article.OriginFile is { } file)
        {
            await RememberPurgedFileAsync(article, file, actor, ct);
        }
        audit.Record(actor, AuditAction.Purge, article.Slug, article.Title);
        await db.SaveChangesAsync(ct);
        return new EditOutcome.Saved(id);
    }

    /// <summary>The importer matches files to articles by path: without this record it would import the file again as new.</summary>
    private async Task RememberPurgedFileAsync(Article article, string file, string actor, CancellationToken ct)
    {
        var record = await db.PurgedFiles.SingleOrDefaultAsync(p => p.Path == file, ct);
        if (record is null)
        {
            record = new PurgedFile { Path = file, Slug = article.Slug, PurgedBy = actor };
            db.PurgedFiles.Add(record);
        }
        record.Slug = article.Slug;
        record.PurgedBy = actor;
        record.ContentHash = article.ContentHash;
        record.PurgedAtUtc = Now;
    }

    private async Task<EditOutcome> RestoreRevisionOnceAsync(int id, int number, int expectedVersion, string actor, CancellationToken ct)
    {
        var revision = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == id && r.Number == number, ct);
        if (revision is null)
        {
            return new EditOutcome.NotFound();
        }
        var (article, refused) = await OpenAsync(id, expectedVersion, ct);
        if (article is null)
        {
            return refused!;
        }
        if (article.Status == ArticleStatus.Trashed)
        {
            return new EditOutcome.NotAllowed(InTrash);
        }
        if (await SlugOwnerAsync(revision.Slug, id, ct) is { } other)
        {
            return new EditOutcome.SlugTaken(revision.Slug, other);
        }
        await ApplyAsync(article, new ArticleChanges(
            revision.Title, revision.Slug, revision.Summary, revision.Body, TagSet.Split(revision.Tags),
            revision.PublishedAtUtc, revision.PublishedTimeKnown, revision.Author, revision.SourceName, revision.SourceUrl), ct);
        await SlugHistory.ChangeSlugAsync(db, article, revision.Slug, ct);
        // Content comes back; the state stays what it is now (restoring text never publishes by surprise).
        article.EditedSinceImport |= article.OriginFile is not null;
        await SaveAsync(article, actor, $"{AuditAction.RestoreRevision.Label} #{number}", ct);
        audit.Record(actor, AuditAction.RestoreRevision, article.Slug, $"#{number}");
        return await CommitAsync(article, expectedVersion, ct);
    }

    private async Task<EditOutcome> ChangeStateAsync(
        int id, int expectedVersion, string actor, AuditAction action, string reason, Func<Article, string?> change, CancellationToken ct)
    {
        var (article, refused) = await OpenAsync(id, expectedVersion, ct);
        if (article is null)
        {
            return refused!;
        }
        if (change(article) is { } refusal)
        {
            return new EditOutcome.NotAllowed(refusal);
        }
        article.EditedSinceImport |= article.OriginFile is not null;
        await SaveAsync(article, actor, reason, ct);
        audit.Record(actor, action, article.Slug);
        return await CommitAsync(article, expectedVersion, ct);
    }

    /// <summary>
    /// The first step of every change to a saved article: the article with its tags, tracked; or, when it is gone or
    /// was saved by someone else after the editor opened version <paramref name="openedVersion"/>, the answer instead.
    /// </summary>
    private async Task<(Article? Article, EditOutcome? Refused)> OpenAsync(int id, int openedVersion, CancellationToken ct)
    {
        var article = await db.Articles.Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return (null, new EditOutcome.NotFound());
        }
        return article.Version == openedVersion ? (article, null) : (null, await ConflictAsync(article, openedVersion, ct));
    }

    private async Task ApplyAsync(Article article, ArticleChanges changes, CancellationToken ct)
    {
        // The clean-up imported files get: a Word paste brings control and zero-width characters (a vertical tab
        // made the feeds invalid XML) and decomposed diacritics.
        (article.Title, article.Summary, article.Body) = CleanText(changes);
        article.PublishedAtUtc = changes.PublishedAtUtc;
        article.PublishedTimeKnown = changes.PublishedAtUtc is not null && changes.TimeKnown;
        article.Author = NullIfBlank(Clean(changes.Author));
        article.SourceName = NullIfBlank(Clean(changes.Source));
        article.SourceUrl = NullIfBlank(Clean(changes.SourceUrl));
        article.Tags = await TagSet.ResolveAsync(db, changes.Tags.Select(TextHygiene.Clean), ct);
    }

    private static string? Clean(string? text) => text is null ? null : TextHygiene.Clean(text);

    /// <summary>Title, sapo and body as they are stored.</summary>
    private static (string Title, string Summary, string Body) CleanText(ArticleChanges changes) =>
        (TextHygiene.Clean(changes.Title).Trim(), TextHygiene.Clean(changes.Summary).Trim(), TextHygiene.CleanCharacters(changes.Body).Trim());

    /// <summary>
    /// Why the article cannot be published (or stay published) as it is, or null. An empty page is no article, and
    /// the content format refuses one, so an export of it could not be imported again.
    /// </summary>
    private static string? PublishRefusal(Article article) =>
        article.Status == ArticleStatus.Published && article.Body.Length == 0
            ? "Bài đăng hoặc hẹn giờ cần có nội dung. Hãy viết nội dung, hoặc lưu thành bản nháp."
            : null;

    /// <summary>Applies publish/unpublish; returns the audit action, or null when the state did not change.</summary>
    private AuditAction? ApplyIntent(Article article, SaveIntent intent)
    {
        switch (intent)
        {
            case SaveIntent.Publish:
                if (article.PublishedAtUtc is null)
                {
                    article.PublishedAtUtc = Now;
                    article.PublishedTimeKnown = true;
                }
                article.Status = ArticleStatus.Published;
                return article.IsScheduled(Now) ? AuditAction.Schedule : AuditAction.Publish;
            case SaveIntent.Unpublish when article.Status == ArticleStatus.Published:
                article.Status = ArticleStatus.Draft;
                return AuditAction.Unpublish;
            default:
                return null;
        }
    }

    private async Task SaveAsync(Article article, string actor, string reason, CancellationToken ct)
    {
        article.UpdatedAtUtc = Now;
        article.RevisedAtUtc = Now;
        article.Version++;
        article.Revisions.Add(ArticleRevisions.Snapshot(article, await ArticleRevisions.NextNumberAsync(db, article, ct), actor, reason, Now));
    }

    private async Task<EditOutcome> CommitAsync(Article article, int expectedVersion, CancellationToken ct)
    {
        // The version the editor started from is what the UPDATE must still find: a save in between fails it.
        db.Entry(article).Property(a => a.Version).OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(ct);
            return new EditOutcome.Saved(article.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == article.Id, ct);
            return current is null ? new EditOutcome.NotFound() : await ConflictAsync(current, expectedVersion, ct);
        }
    }

    private async Task<EditOutcome> ConflictAsync(Article current, int openedVersion, CancellationToken ct)
    {
        var latest = await db.Revisions.AsNoTracking()
            .Where(r => r.ArticleId == current.Id)
            .OrderByDescending(r => r.Number)
            .FirstOrDefaultAsync(ct);
        // Every save bumps the version and adds the next revision, so version N is revision N.
        var opened = await db.Revisions.AsNoTracking()
            .Where(r => r.ArticleId == current.Id && r.Number == openedVersion)
            .Select(r => (ArticleStatus?)r.Status)
            .FirstOrDefaultAsync(ct);
        return new EditOutcome.Conflict(latest, current.Version, opened);
    }

    private async Task<string?> SlugOwnerAsync(string slug, int ownId, CancellationToken ct) =>
        await db.Articles.Where(a => a.Slug == slug && a.Id != ownId).Select(a => a.Title).FirstOrDefaultAsync(ct);

    private async Task<string> FreeSlugAsync(string title, int ownId, CancellationToken ct)
    {
        var derived = Slug.ForTitle(title);
        var taken = await db.Articles.Where(a => a.Id != ownId && (a.Slug == derived || a.Slug.StartsWith(derived + "-")))
            .Select(a => a.Slug).ToListAsync(ct);
        return Slug.Unique(derived, taken.Contains);
    }

    private static string Details(Article article) =>
        article.PublishedAtUtc is { } at ? VietnamTime.DateLine(at, withTime: true) : "";

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
