using System.Runtime.CompilerServices;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace AseanJapanNews.Web.Search;

/// <summary>
/// Keeps the search index in step with every SaveChanges (imports and every editor action alike): it notes
/// which articles an unsaved change touches (their text, their status, their tags, a renamed tag) and, once the
/// rows are written, re-indexes those articles inside the same transaction, so the index never commits apart
/// from the change. Nothing to rebuild, nothing for callers to remember; the importer's bulk inserts
/// (<see cref="ArticleBulkInsert"/>) reach it as an <see cref="IArticleInsertObserver"/>.
/// </summary>
public sealed class SearchIndexInterceptor(Func<NewsDbContext, ISearchIndex> indexFor) : SaveChangesInterceptor, IArticleInsertObserver
{
    /// <summary>Articles inserted without a save (the importer): indexed from their prepared words, in the same transaction.</summary>
    public Task ArticlesInsertedAsync(NewsDbContext db, IReadOnlyList<NewArticle> articles, CancellationToken ct) =>
        indexFor(db).AddAsync(articles.Select(a => (a.Article.Id, a.Words)).ToList(), ct);

    private readonly ConditionalWeakTable<DbContext, PendingChanges> pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NewsDbContext db)
        {
            var changes = await CollectAsync(db, cancellationToken);
            if (!changes.IsEmpty)
            {
                if (db.Database.CurrentTransaction is null)
                {
                    changes.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
                }
                pending.AddOrUpdate(db, changes);
            }
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NewsDbContext db && pending.TryGetValue(db, out var changes))
        {
            pending.Remove(db);
            try
            {
                await indexFor(db).UpdateAsync(changes.ArticleIds(), cancellationToken);
                if (changes.OwnTransaction is { } own)
                {
                    await own.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (changes.OwnTransaction is { } own)
                {
                    await own.DisposeAsync();
                }
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && pending.TryGetValue(db, out var changes))
        {
            pending.Remove(db);
            if (changes.OwnTransaction is { } own)
            {
                await own.RollbackAsync(cancellationToken);
                await own.DisposeAsync();
            }
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    private static async Task<PendingChanges> CollectAsync(NewsDbContext db, CancellationToken ct)
    {
        // SaveChanges detects changes only after this interceptor runs; look at the same picture it will save.
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }
        var changes = new PendingChanges();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Article article when entry.State == EntityState.Deleted:
                    changes.Ids.Add(article.Id);
                    break;
                case Article article:
                    // New articles get their id only when saved.
                    changes.Articles.Add(article);
                    break;
                case Tag tag when entry.State != EntityState.Added:
                    // A renamed or deleted tag changes the tag text of every article carrying it.
                    var tagId = tag.Id;
                    changes.Ids.AddRange(await db.Articles.Where(a => a.Tags.Any(t => t.Id == tagId)).Select(a => a.Id).ToListAsync(ct));
                    break;
                case Dictionary<string, object> when entry.Metadata.FindProperty("ArticlesId") is { } articleKey:
                    // A row of the Article–Tag join table: a deleted row's values are read while it still exists.
                    if (entry.State == EntityState.Deleted)
                    {
                        changes.Ids.Add((int)entry.Property(articleKey.Name).CurrentValue!);
                    }
                    else
                    {
                        changes.JoinRows.Add(entry);
                    }
                    break;
            }
        }
        return changes;
    }

    private sealed class PendingChanges
    {
        public List<int> Ids { get; } = [];
        public List<Article> Articles { get; } = [];
        public List<EntityEntry> JoinRows { get; } = [];
        public IDbContextTransaction? OwnTransaction { get; set; }

        public bool IsEmpty => Ids.Count == 0 && Articles.Count == 0 && JoinRows.Count == 0;

        /// <summary>Read after saving, when new articles have their ids.</summary>
        public List<int> ArticleIds() =>
        [
            .. Ids,
            .. Articles.Select(a => a.Id),
            .. JoinRows.Select(e => e.Property("ArticlesId").CurrentValue).OfType<int>(),
        ];
    }
}
