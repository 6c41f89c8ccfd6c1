namespace AseanJapanNews.Web.Data;

/// <summary>Who did what, when: every editorial action and every sign-in attempt.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string Subject { get; set; } = "";
    public string Details { get; set; } = "";
}
