using System.Data.Common;
using System.Runtime.CompilerServices;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AseanJapanNews.Web.Caching;

/// <summary>
/// Tells <see cref="ReaderContent"/> when a save changes articles, tags or which tags an article has — whoever
/// saves (the article editor, the importer, anything added later). The caches are cleared once the change is
/// committed, not before: cleared earlier, a reader request in between could cache the old page again.
/// </summary>
public sealed class ReaderChangeInterceptor(ReaderContent readers) : ISaveChangesInterceptor, IDbTransactionInterceptor, IArticleInsertObserver
{
    /// <summary>Articles inserted without a save (the importer, always in a transaction): cleared at its commit.</summary>
    public Task ArticlesInsertedAsync(NewsDbContext db, IReadOnlyList<NewArticle> articles, CancellationToken ct)
    {
        if (articles.Count > 0)
        {
            pending.GetOrCreateValue(db).Changed = true;
        }
        return Task.CompletedTask;
    }

    private sealed class Pending
    {
        public bool Changed;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Inside a transaction the change is not visible to readers yet: wait for the commit.
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null)
        {
            await FlushAsync(db, cancellationToken);
        }
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            await FlushAsync(db, cancellationToken);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? db)
    {
        if (db is null)
        {
            return;
        }
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }
        var touchesReaders = db.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted &&
            (e.Entity is Article or Tag || e.Metadata.Name == "ArticleTag"));
        if (touchesReaders)
        {
            pending.GetOrCreateValue(db).Changed = true;
        }
    }

    private async Task FlushAsync(DbContext db, CancellationToken ct)
    {
        if (pending.TryGetValue(db, out var state) && state.Changed)
        {
            state.Changed = false;
            await readers.ChangedAsync(ct);
        }
    }

    private void Forget(DbContext? db)
    {
        if (db is not null && pending.TryGetValue(db, out var state))
        {
            state.Changed = false;
        }
    }
}
