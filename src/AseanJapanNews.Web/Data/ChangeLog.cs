using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AseanJapanNews.Web.Data;

/// <summary>
/// Reads and appends <see cref="ChangeLogEntry"/> rows. Appends go through plain SQL on the caller's connection and
/// transaction, so they commit or roll back with the change they describe, also from inside a save.
/// </summary>
public static class ChangeLog
{
    private const string Insert =
        """INSERT INTO "ChangeLog" ("ArticleId", "Kind", "AtUtc") VALUES (@articleId, @kind, @atUtc)""";

    private static readonly string[] Parameters = ["@articleId", "@kind", "@atUtc"];

    /// <summary>Appends the entries inside the context's current transaction (required: they must commit with the change).</summary>
    public static async Task AppendAsync(NewsDbContext db, IReadOnlyCollection<ChangeLogEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The change log is appended inside the change's transaction.");
        await using var command = transaction.Connection!.CreateCommand();
        command.CommandText = Insert;
        command.Transaction = transaction;
        var parameters = Parameters.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var entry in entries)
        {
            parameters[0].Value = (object?)entry.ArticleId ?? DBNull.Value;
            parameters[1].Value = (int)entry.Kind;
            parameters[2].Value = entry.AtUtc;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The entries after <paramref name="afterId"/>, oldest first, at most <paramref name="take"/>.</summary>
    public static Task<List<ChangeLogEntry>> AfterAsync(NewsDbContext db, long afterId, int take, CancellationToken ct) =>
        db.ChangeLog.AsNoTracking().Where(c => c.Id > afterId).OrderBy(c => c.Id).Take(take).ToListAsync(ct);

    /// <summary>The newest entry's id, or 0 for an empty log.</summary>
    public static async Task<long> LatestIdAsync(NewsDbContext db, CancellationToken ct) =>
        await db.ChangeLog.AsNoTracking().MaxAsync(c => (long?)c.Id, ct) ?? 0;

    /// <summary>The oldest entry's id still kept, or null for an empty log: a follower behind it has missed changes.</summary>
    public static Task<long?> OldestIdAsync(NewsDbContext db, CancellationToken ct) =>
        db.ChangeLog.AsNoTracking().MinAsync(c => (long?)c.Id, ct);

    /// <summary>Entries older than this are deleted; a process that was away longer rebuilds what follows the log.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(7);

    public static Task<int> PruneAsync(NewsDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var before = nowUtc - Kept;
        return db.ChangeLog.Where(c => c.AtUtc < before).ExecuteDeleteAsync(ct);
    }
}
