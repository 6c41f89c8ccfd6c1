using Microsoft.AspNetCore.Identity;

namespace AseanJapanNews.Web.Data;

/// <summary>A newsroom account (ASP.NET Core Identity user). Roles: <see cref="Roles"/>.</summary>
public class Editor : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

public static class Roles
{
    /// <summary>Manages editor accounts and purges the trash.</summary>
    public const string Admin = "Admin";

    /// <summary>Writes, schedules, publishes and trashes articles.</summary>
    public const string Editor = "Editor";

    public const string Any = Admin + "," + Editor;

    public static readonly string[] All = [Admin, Editor];
}

/// <summary>The full article as it was after one save: who saved it, when, and why.</summary>
public class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }

    /// <summary>1, 2, 3 … per article.</summary>
    public int Number { get; set; }
    public DateTime SavedAtUtc { get; set; }
    public required string SavedBy { get; set; }
    public required string Reason { get; set; }

    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime? PublishedAtUtc { get; set; }
    public bool PublishedTimeKnown { get; set; }
    public string? Author { get; set; }
    public string? SourceName { get; set; }
    public string? SourceUrl { get; set; }
    public ArticleStatus Status { get; set; }

    /// <summary>Tag names, one per line.</summary>
    public string Tags { get; set; } = "";
}

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

/// <summary>
/// A content file whose article an Admin purged. The importer matches files to articles by path, so without this
/// record the next import would see the file as new and publish it again; with it, the file is skipped for good.
/// </summary>
public class PurgedFile
{
    /// <summary>The article's <see cref="Article.OriginFile"/>, relative to the content folder.</summary>
    public required string Path { get; set; }

    /// <summary>The file's hash when it was last imported, so the importer can say when it changed since.</summary>
    public string? ContentHash { get; set; }
    public required string Slug { get; set; }
    public required string PurgedBy { get; set; }
    public DateTime PurgedAtUtc { get; set; }
}

/// <summary>
/// An address an article had before an editor changed its slug: links to it, shared and indexed, send readers on to
/// the article's address now instead of a 404.
/// </summary>
public class SlugRedirect
{
    public required string OldSlug { get; set; }
    public int ArticleId { get; set; }
}

/// <summary>
/// One signed-in browser: the auth cookie carries only <see cref="Key"/>, so signing out deletes the row and every
/// copy of that cookie stops working (see <see cref="Editorial.EditorSessionStore"/>).
/// </summary>
public class EditorSession
{
    public required string Key { get; set; }
    public required string EditorId { get; set; }
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>The authentication ticket (claims and cookie properties), as TicketSerializer writes it.</summary>
    public required byte[] Ticket { get; set; }
}

public static class ArticleRevisions
{
    /// <summary>A snapshot of <paramref name="article"/> as revision number <paramref name="number"/>.</summary>
    public static ArticleRevision Snapshot(Article article, int number, string savedBy, string reason, DateTime nowUtc) => new()
    {
        ArticleId = article.Id,
        Number = number,
        SavedAtUtc = nowUtc,
        SavedBy = savedBy,
        Reason = reason,
        Title = article.Title,
        Slug = article.Slug,
        Summary = article.Summary,
        Body = article.Body,
        PublishedAtUtc = article.PublishedAtUtc,
        PublishedTimeKnown = article.PublishedTimeKnown,
        Author = article.Author,
        SourceName = article.SourceName,
        SourceUrl = article.SourceUrl,
        Status = article.Status,
        Tags = string.Join('\n', article.Tags.Select(t => t.Name)),
    };
}
