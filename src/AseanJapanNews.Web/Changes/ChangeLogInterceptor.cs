using System.Data.Common;
using System.Runtime.CompilerServices;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace AseanJapanNews.Web.Changes;

/// <summary>
/// Appends a <see cref="ChangeLogEntry"/> for every article a save changes in a way readers can see, in the save's
/// transaction (its own one when the caller has none), whoever saves: the article editor, the importer, anything
/// added later. Once the change is committed it nudges this process's followers, so an editor's next request
/// already sees it; other processes find the rows when they next read the log.
/// </summary>
public sealed class ChangeLogInterceptor(ChangeFollowers followers, TimeProvider clock) : ISaveChangesInterceptor, IDbTransactionInterceptor, IArticleInsertObserver
{
    /// <summary>What a save is about to change, until its rows are written (ids of new articles are known only then).</summary>
    private sealed class Pending
    {
        public readonly List<(Article? Added, int Id, ChangeKind Kind)> Changes = [];
        public readonly List<int> RenamedTags = [];
        public IDbContextTransaction? OwnTransaction;
        public bool NudgeAtCommit;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    private static readonly string[] PlacementProperties = [nameof(Article.Status), nameof(Article.PublishedAtUtc), nameof(Article.Slug)];

    private static readonly string[] ContentProperties =
    [
        nameof(Article.Title), nameof(Article.Summary), nameof(Article.Body), nameof(Article.Author), nameof(Article.SourceName),
        nameof(Article.SourceUrl), nameof(Article.PublishedTimeKnown), nameof(Article.RevisedAtUtc),
    ];

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NewsDbContext db)
        {
            var state = Collect(db);
            // A renamed topic changes the words of every article that has it.
            foreach (var tagId in state.RenamedTags)
            {
                foreach (var id in await db.ArticleTagRows().Where(at => EF.Property<int>(at, "TagsId") == tagId)
                             .Select(at => EF.Property<int>(at, "ArticlesId")).ToListAsync(cancellationToken))
                {
                    state.Changes.Add((null, id, ChangeKind.Content));
                }
            }
            state.RenamedTags.Clear();
            if (state.Changes.Count > 0)
            {
                if (db.Database.CurrentTransaction is null)
                {
                    state.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
                }
                pending.AddOrUpdate(db, state);
            }
        }
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not NewsDbContext db || !pending.TryGetValue(db, out var state) || state.Changes.Count == 0)
        {
            return result;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = state.Changes
            .GroupBy(c => c.Added?.Id ?? c.Id)
            .Select(g => new ChangeLogEntry { ArticleId = g.Key == 0 ? null : g.Key, Kind = g.Max(c => c.Kind), AtUtc = now })
            .ToList();
        state.Changes.Clear();
        try
        {
            await ChangeLog.AppendAsync(db, entries, cancellationToken);
            if (state.OwnTransaction is { } own)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (state.OwnTransaction is { } own)
            {
                await own.DisposeAsync();
                state.OwnTransaction = null;
            }
        }
        if (db.Database.CurrentTransaction is null)
        {
            pending.Remove(db);
            await followers.NudgeAsync(cancellationToken);
        }
        else
        {
            state.NudgeAtCommit = true;
        }
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context, cancellationToken);

    public void SaveChangesFailed(DbContextErrorEventData eventData) => AbandonAsync(eventData.Context, default).GetAwaiter().GetResult();

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context, cancellationToken);

    public void SaveChangesCanceled(DbContextEventData eventData) => AbandonAsync(eventData.Context, default).GetAwaiter().GetResult();

    /// <summary>A save that failed leaves no rows: its own transaction is rolled back, the caller's is the caller's.</summary>
    private async Task AbandonAsync(DbContext? db, CancellationToken ct)
    {
        if (db is null || !pending.TryGetValue(db, out var state))
        {
            return;
        }
        state.Changes.Clear();
        if (state.OwnTransaction is { } own)
        {
            state.OwnTransaction = null;
            await own.RollbackAsync(ct);
            await own.DisposeAsync();
        }
        if (!state.NudgeAtCommit)
        {
            pending.Remove(db);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && pending.TryGetValue(db, out var state) && state.NudgeAtCommit)
        {
            pending.Remove(db);
            await followers.NudgeAsync(cancellationToken);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Bulk inserts (the importer) log their own rows (<see cref="ArticleBulkInsert"/>); followers hear of them at the commit.</summary>
    public Task ArticlesInsertedAsync(NewsDbContext db, IReadOnlyList<NewArticle> articles, CancellationToken ct)
    {
        pending.GetOrCreateValue(db).NudgeAtCommit = true;
        return Task.CompletedTask;
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            pending.Remove(db);
        }
    }

    private Pending Collect(NewsDbContext db)
    {
        var state = pending.GetOrCreateValue(db);
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = db.ChangeTracker.Entries().ToList();
        // Whether each tracked article is, or was, visible: links of a draft's topics move nothing readers see.
        var shown = entries
            .Where(e => e is { Entity: Article, State: EntityState.Added or EntityState.Modified or EntityState.Unchanged })
            .ToDictionary(e => e.Entity, e => Shown(e, now), ReferenceEqualityComparer.Instance);
        var shownById = shown.Where(s => ((Article)s.Key).Id > 0).ToDictionary(s => ((Article)s.Key).Id, s => s.Value);
        foreach (var entry in entries)
        {
            switch (entry)
            {
                case { Entity: Article article, State: EntityState.Added }:
                    state.Changes.Add((article, 0, shown[article] ? ChangeKind.Placement : ChangeKind.Content));
                    break;
                case { Entity: Article article, State: EntityState.Deleted }:
                    state.Changes.Add((null, article.Id, ChangeKind.Placement));
                    break;
                case { Entity: Article article, State: EntityState.Modified }:
                    if (KindOf(entry, now) is { } kind)
                    {
                        state.Changes.Add((null, article.Id, kind));
                    }
                    break;
                case { State: EntityState.Added or EntityState.Deleted } when entry.Metadata.Name == NewsDbContext.ArticleTag:
                    // A new article's links hold a temporary id; the article's own entry covers them.
                    if (!entry.Property("ArticlesId").IsTemporary)
                    {
                        var id = (int)entry.Property("ArticlesId").CurrentValue!;
                        state.Changes.Add((null, id, shownById.GetValueOrDefault(id, true) ? ChangeKind.Placement : ChangeKind.Content));
                    }
                    break;
                case { Entity: Tag tag, State: EntityState.Modified or EntityState.Deleted }:
                    state.Changes.Add((null, 0, ChangeKind.Everything));
                    state.RenamedTags.Add(tag.Id);
                    break;
            }
        }
        return state;
    }

    /// <summary>
    /// Placement when it moves in or out of, or around, what readers see; Content when only what it shows changed;
    /// null when the save touched nothing readers see (bookkeeping such as the version).
    /// </summary>
    private static ChangeKind? KindOf(EntityEntry entry, DateTime now)
    {
        bool Changed(string property)
        {
            var p = entry.Property(property);
            return p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);
        }
        if (PlacementProperties.Any(Changed))
        {
            // A draft that stays a draft moves nothing readers see; the log still carries it for the search index.
            return Shown(entry, now) ? ChangeKind.Placement : ChangeKind.Content;
        }
        return ContentProperties.Any(Changed) ? ChangeKind.Content : null;
    }

    /// <summary>Visible to readers before this save or after it.</summary>
    private static bool Shown(EntityEntry entry, DateTime now)
    {
        bool VisibleWith(PropertyValues values) =>
            values.GetValue<ArticleStatus>(nameof(Article.Status)) == ArticleStatus.Published
            && values.GetValue<DateTime?>(nameof(Article.PublishedAtUtc)) is { } at && at <= now;
        return VisibleWith(entry.CurrentValues) || (entry.State != EntityState.Added && VisibleWith(entry.OriginalValues));
    }
}
