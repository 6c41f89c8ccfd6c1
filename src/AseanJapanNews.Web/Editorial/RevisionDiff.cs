using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace AseanJapanNews.Web.Editorial;

public enum DiffKind { Same, Added, Removed }

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>One field's change between two revisions; the body is compared paragraph by paragraph.</summary>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffLine> Lines);

/// <summary>What changed between two revisions, as an editor reads it: only the fields that differ.</summary>
public static class RevisionDiff
{
    private static readonly InlineDiffBuilder Builder = new(new Differ());

    public static IReadOnlyList<FieldDiff> Compare(ArticleRevision older, ArticleRevision newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var fields = new (string Name, string Old, string New)[]
        {
            ("Tiêu đề", older.Title, newer.Title),
            ("Đường dẫn", older.Slug, newer.Slug),
            ("Sapo", older.Summary, newer.Summary),
            ("Nội dung", older.Body, newer.Body),
            ("Chủ đề", older.Tags, newer.Tags),
            ("Ngày đăng", DateText(older), DateText(newer)),
            ("Tác giả", older.Author ?? "", newer.Author ?? ""),
            ("Nguồn", older.SourceName ?? "", newer.SourceName ?? ""),
            ("Địa chỉ nguồn", older.SourceUrl ?? "", newer.SourceUrl ?? ""),
            ("Trạng thái", StatusText(older.Status), StatusText(newer.Status)),
        };
        return fields
            .Where(f => f.Old != f.New)
            .Select(f => new FieldDiff(f.Name, Lines(f.Old, f.New)))
            .ToList();
    }

    private static List<DiffLine> Lines(string older, string newer) =>
        Builder.BuildDiffModel(older, newer, ignoreWhitespace: false).Lines
            .Where(l => !(l.Type == ChangeType.Unchanged && string.IsNullOrWhiteSpace(l.Text)))
            .Select(l => new DiffLine(l.Type switch
            {
                ChangeType.Inserted => DiffKind.Added,
                ChangeType.Deleted => DiffKind.Removed,
                _ => DiffKind.Same,
            }, l.Text))
            .ToList();

    /// <summary>The state in the admin list's words (a revision does not say whether its date had come).</summary>
    public static string StatusText(ArticleStatus status) => EditorialStates.Label(EditorialStates.Of(status));

    private static string DateText(ArticleRevision r) =>
        r.PublishedAtUtc is { } at ? VietnamTime.DateLine(at, r.PublishedTimeKnown) : "";
}
