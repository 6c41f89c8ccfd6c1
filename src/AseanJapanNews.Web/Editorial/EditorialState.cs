using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Web.Editorial;

/// <summary>Where an article stands for editors; <see cref="All"/> is the admin list's "any state but the trash".</summary>
public enum EditorialState { All, Draft, Scheduled, Published, Trash }

/// <summary>An article's editorial state and its name on the admin pages.</summary>
public static class EditorialStates
{
    /// <summary>The state at <paramref name="nowUtc"/>: scheduled as <see cref="ArticleQueries.IsScheduled(ArticleStatus, DateTime?, DateTime)"/> says.</summary>
    public static EditorialState Of(ArticleStatus status, DateTime? publishedAtUtc, DateTime nowUtc) =>
        ArticleQueries.IsScheduled(status, publishedAtUtc, nowUtc) ? EditorialState.Scheduled : Of(status);

    /// <summary>
    /// The state the status alone says, for a record that does not know whether its date had come (a revision): a
    /// published one is <see cref="EditorialState.Published"/>, never <see cref="EditorialState.Scheduled"/>.
    /// </summary>
    public static EditorialState Of(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => EditorialState.Draft,
        ArticleStatus.Trashed => EditorialState.Trash,
        _ => EditorialState.Published,
    };

    public static string Label(EditorialState state) => state switch
    {
        EditorialState.Draft => "Nháp",
        EditorialState.Scheduled => "Hẹn giờ",
        EditorialState.Published => "Đã đăng",
        EditorialState.Trash => "Thùng rác",
        _ => "Tất cả",
    };
}
