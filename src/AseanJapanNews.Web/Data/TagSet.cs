using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Data;

/// <summary>Turns tag names into Tag rows: existing ones by slug, new ones created (saved with the article).</summary>
public static class TagSet
{
    public static async Task<List<Tag>> ResolveAsync(NewsDbContext db, IEnumerable<string> names, CancellationToken ct)
    {
        var wanted = names
            .Select(n => n.Trim())
            .Select(n => (Name: n, Slug: Slug.From(n)))
            .Where(t => t.Slug.Length > 0)
            .DistinctBy(t => t.Slug)
            .ToList();
        var slugs = wanted.Select(t => t.Slug).ToList();
        var known = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, ct);
        return wanted
            .Select(t => known.TryGetValue(t.Slug, out var tag)
                ? tag
                : new Tag { Name = t.Name, Slug = t.Slug, SortKey = VietnameseCollation.SortKey(t.Name) })
            .ToList();
    }

    /// <summary>What the admin form puts between tags when it shows them in its one field.</summary>
    public const string ListSeparator = ", ";

    private static readonly char[] Separators = [',', ';', '\n'];

    /// <summary>"ASEAN, Nhật Bản ,, Tokyo" → ["ASEAN", "Nhật Bản", "Tokyo"].</summary>
    public static IReadOnlyList<string> Split(string? commaSeparated) =>
        (commaSeparated ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when <see cref="Split"/> would cut this tag name in pieces.</summary>
    /// <summary>
    /// A topic an article can have, for the form and the content files alike: letters or digits (a slug), at most
    /// <see cref="ArticleLimits.MaxTagLength"/> characters, and no list separator (the form's one field would split
    /// it). The form refuses any other; a file's topic without letters is left out, the others refuse the file.
    /// </summary>
    public static bool IsUsable(string name) =>
        Text.Slug.From(name).Length > 0 && name.Length <= ArticleLimits.MaxTagLength && !HasSeparator(name);

    public static bool HasSeparator(string name) => name.AsSpan().IndexOfAny(Separators) >= 0;
}
