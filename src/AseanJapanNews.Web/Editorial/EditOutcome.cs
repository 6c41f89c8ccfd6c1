using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Web.Editorial;

/// <summary>What an editor submits for an article; instants are UTC.</summary>
public sealed record ArticleChanges(
    string Title,
    string? Slug,
    string Summary,
    string Body,
    IReadOnlyList<string> Tags,
    DateTime? PublishedAtUtc,
    bool TimeKnown,
    string? Author,
    string? Source,
    string? SourceUrl)
{
    /// <summary>The new-article form's one-time key (<see cref="Article.CreationKey"/>); null for other saves.</summary>
    public string? CreationKey { get; init; }
}

/// <summary>What the editor asked the save to do with the article's state.</summary>
public enum SaveIntent
{
    /// <summary>Keep the state (a new article starts as a draft).</summary>
    Keep,
    /// <summary>Publish now, or schedule when the date is in the future.</summary>
    Publish,
    /// <summary>Take it off the site: back to draft.</summary>
    Unpublish,
}

public abstract record EditOutcome
{
    public sealed record Saved(int Id) : EditOutcome;
    public sealed record NotFound : EditOutcome;
    public sealed record SlugTaken(string Slug, string OtherTitle) : EditOutcome;

    /// <summary>
    /// Someone saved the article after this editor opened it; <see cref="Latest"/> says who and when, and
    /// <see cref="OpenedStatus"/> is the state the editor saw (null when that revision is not known).
    /// </summary>
    public sealed record Conflict(ArticleRevision? Latest, int CurrentVersion, ArticleStatus? OpenedStatus) : EditOutcome;

    /// <summary>The operation does not apply in the article's state (e.g. purge of an article not in the trash).</summary>
    public sealed record NotAllowed(string Reason) : EditOutcome;
}
