using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Web.Editorial;

/// <summary>Adds entries to the audit log; they are saved with the change they describe.</summary>
public sealed class AuditLog(NewsDbContext db, TimeProvider clock)
{
    public void Record(string actor, AuditAction action, string subject = "", string details = "") =>
        Add(actor, action.Name, subject, details);

    /// <summary>Records and saves at once, for events that change nothing else (sign-ins).</summary>
    public async Task RecordNowAsync(string actor, AuditAction action, string subject = "", string details = "", CancellationToken ct = default)
    {
        Record(actor, action, subject, details);
        await db.SaveChangesAsync(ct);
    }

    private void Add(string actor, string action, string subject, string details) =>
        db.Audit.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = Clip(actor, 256),
            Action = action,
            Subject = Clip(subject, 500),
            Details = Clip(details, 2000),
        });

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
