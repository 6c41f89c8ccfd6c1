using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Data;

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

/// <summary>The revision a save keeps: the editor and the importer both make theirs here.</summary>
public static class ArticleRevisions
{
    /// <summary>The number the next save of <paramref name="article"/> keeps: 1 for an article not yet saved, else one past its last.</summary>
    public static async Task<int> NextNumberAsync(NewsDbContext db, Article article, CancellationToken ct) =>
        article.Id == 0 ? 1 : (await db.Revisions.Where(r => r.ArticleId == article.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;

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
