using System.Text;

namespace AseanJapanNews.Web.Text;

/// <summary>URL slugs for Vietnamese titles and tag names.</summary>
public static class Slug
{
    /// <summary>Longest slug we produce; long titles are cut at a word boundary.</summary>
    public const int MaxLength = 120;

    /// <summary>
    /// "Kỷ niệm 50 năm, Nhật Bản" → "ky-niem-50-nam-nhat-ban": ASCII lowercase, marks folded,
    /// đ → d, every run of anything else → one hyphen. Returns "" when nothing is left.
    /// </summary>
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = VietnameseText.Fold(text);
        var slug = new StringBuilder(folded.Length);
        var pendingHyphen = false;
        foreach (var c in folded)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }
                slug.Append(c);
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return Truncate(slug.ToString());
    }

    /// <summary>What an article is called whose title leaves no slug (only Japanese characters, only punctuation).</summary>
    public const string Untitled = "bai-viet";

    /// <summary>
    /// The slug a new article gets from its title: <see cref="From"/>, or <see cref="Untitled"/> when that is empty.
    /// Made unique with <see cref="Unique"/> ("bai-viet-2" …), by the editor and the importer alike.
    /// </summary>
    public static string ForTitle(string title) => From(title) is { Length: > 0 } slug ? slug : Untitled;

    /// <summary>True when <paramref name="slug"/> is already in the canonical form.</summary>
    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && From(slug) == slug;

    /// <summary>"slug", then "slug-2", "slug-3" … until <paramref name="isTaken"/> says it is free.</summary>
    public static string Unique(string baseSlug, Func<string, bool> isTaken)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        if (!isTaken(baseSlug))
        {
            return baseSlug;
        }
        for (var n = 2; ; n++)
        {
            var candidate = $"{baseSlug}-{n}";
            if (!isTaken(candidate))
            {
                return candidate;
            }
        }
    }

    private static string Truncate(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }
        var cut = slug.LastIndexOf('-', MaxLength);
        return cut > 0 ? slug[..cut] : slug[..MaxLength];
    }
}
