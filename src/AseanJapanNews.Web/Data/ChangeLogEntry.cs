namespace AseanJapanNews.Web.Data;

/// <summary>What a change did to an article, as the caches that show it need to know.</summary>
public enum ChangeKind
{
    /// <summary>What the article shows changed (title, sapo, body, byline); where it is listed did not.</summary>
    Content = 0,

    /// <summary>Where it is listed changed: it appeared, disappeared, moved in time, changed address or topics.</summary>
    Placement = 1,

    /// <summary>Something every page may show (a topic's name): no page can be kept.</summary>
    Everything = 2,
}

/// <summary>
/// One change readers can see, appended in the same transaction as the change itself. Every process follows this
/// log (see <c>Changes/</c>): it is how each one learns what to evict and what to re-index, whoever made the change.
/// </summary>
public class ChangeLogEntry
{
    public long Id { get; set; }

    /// <summary>The article changed; null for <see cref="ChangeKind.Everything"/>.</summary>
    public int? ArticleId { get; set; }

    public ChangeKind Kind { get; set; }

    public DateTime AtUtc { get; set; }
}
