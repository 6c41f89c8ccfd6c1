using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Content;

/// <summary>An article the importer made from a file: where it came from and what it holds now.</summary>
internal sealed record KnownFile(int Id, string? Hash, bool EditedSinceImport, string Slug);

/// <summary>
/// What the database knows that the importer needs for every file (paths and hashes, slugs, tags), read once
/// per run instead of three queries per file. Changes staged in a batch become "known" only when the batch
/// commits; after a failed batch the importer reloads the whole state from the database.
/// </summary>
internal sealed class ImportState
{
    private readonly record struct SlugOwnerEntry(int Id, string? OriginFile);

    private readonly Dictionary<string, SlugOwnerEntry> slugs;
    private readonly Dictionary<string, Tag> tags;
    private readonly List<(Article Article, string Relative, string? OldSlug)> staged = [];
    private readonly List<string> stagedMovesFrom = [];
    private ILookup<string, string>? pathsByHash;

    private ImportState(
        Dictionary<string, KnownFile> known, Dictionary<string, PurgedFile> purged, Dictionary<string, SlugOwnerEntry> slugs, Dictionary<string, Tag> tags)
    {
        Known = known;
        Purged = purged;
        this.slugs = slugs;
        this.tags = tags;
    }

    /// <summary>Imported articles by their file, relative to the content folder.</summary>
    public Dictionary<string, KnownFile> Known { get; }

    /// <summary>Files an earlier run could not read, by path (<see cref="RefusedFile"/>).</summary>
    public IReadOnlyDictionary<string, RefusedFile> Refused { get; private init; } = new Dictionary<string, RefusedFile>();

    /// <summary>Files whose articles an Admin purged, by path: never imported again.</summary>
    public IReadOnlyDictionary<string, PurgedFile> Purged { get; }

    public static async Task<ImportState> LoadAsync(NewsDbContext db, CancellationToken ct)
    {
        var rows = await db.Articles.AsNoTracking()
            .Select(a => new { a.Id, a.Slug, a.OriginFile, a.ContentHash, a.EditedSinceImport })
            .ToListAsync(ct);
        var known = new Dictionary<string, KnownFile>(StringComparer.Ordinal);
        var slugs = new Dictionary<string, SlugOwnerEntry>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            slugs[row.Slug] = new SlugOwnerEntry(row.Id, row.OriginFile);
            if (row.OriginFile is not null)
            {
                known.TryAdd(row.OriginFile, new KnownFile(row.Id, row.ContentHash, row.EditedSinceImport, row.Slug));
            }
        }
        var tags = await db.Tags.AsNoTracking().ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, ct);
        var purged = await db.PurgedFiles.AsNoTracking().ToDictionaryAsync(p => p.Path, StringComparer.Ordinal, ct);
        var refused = await db.RefusedFiles.AsNoTracking().ToDictionaryAsync(r => r.Path, StringComparer.Ordinal, ct);
        return new ImportState(known, purged, slugs, tags) { Refused = refused };
    }

    public bool IsSlugTaken(string slug) => slugs.ContainsKey(slug);

    /// <summary>Who else has <paramref name="slug"/> (its file, or a phrase for admin-made articles), or null.</summary>
    public string? SlugOwner(string slug, int ownId, string relative)
    {
        if (!slugs.TryGetValue(slug, out var owner))
        {
            return null;
        }
        var own = owner.Id == 0 ? owner.OriginFile == relative : owner.Id == ownId;
        return own ? null : owner.OriginFile ?? "đã có trong cơ sở dữ liệu";
    }

    /// <summary>
    /// Tag rows for the names, as <see cref="TagSet"/> resolves them, without a query per file. Known tags are
    /// attached to <paramref name="attachTo"/> when the article is saved through EF (an update); new tags have id 0.
    /// </summary>
    public List<Tag> ResolveTags(IEnumerable<string> names, NewsDbContext? attachTo)
    {
        var resolved = new List<Tag>();
        foreach (var name in names.Select(n => n.Trim()))
        {
            var slug = Slug.From(name);
            if (slug.Length == 0 || resolved.Exists(t => t.Slug == slug))
            {
                continue;
            }
            if (!tags.TryGetValue(slug, out var tag))
            {
                tag = new Tag { Name = name, Slug = slug, SortKey = VietnameseCollation.SortKey(name) };
                tags.Add(slug, tag);
            }
            else if (tag.Id != 0 && attachTo is { } db)
            {
                // An article loaded for update may already have brought this tag into the context.
                if (db.Tags.Local.FindEntry(tag.Id) is { } tracked)
                {
                    tag = tracked.Entity;
                }
                else
                {
                    db.Tags.Attach(tag);
                }
            }
            resolved.Add(tag);
        }
        return resolved;
    }

    /// <summary>
    /// The path an article was imported from when a file with this exact content is gone from the folder
    /// (<paramref name="listed"/> holds what is there now): a new path with that content is the same file, moved.
    /// </summary>
    public (string From, KnownFile Article)? MovedFrom(string hash, IReadOnlySet<string> listed)
    {
        // Built on first need; entries made stale by later commits are filtered out against Known below.
        pathsByHash ??= Known.Where(k => k.Value.Hash is not null).ToLookup(k => k.Value.Hash!, k => k.Key, StringComparer.Ordinal);
        foreach (var from in pathsByHash[hash].Order(StringComparer.Ordinal))
        {
            if (!listed.Contains(from) && !stagedMovesFrom.Contains(from) && Known.TryGetValue(from, out var known) && known.Hash == hash)
            {
                return (from, known);
            }
        }
        return null;
    }

    /// <summary>The article now comes from <paramref name="to"/>; <paramref name="from"/> is forgotten when the batch commits.</summary>
    public void StageMove(Article article, string from, string to)
    {
        stagedMovesFrom.Add(from);
        Stage(article, to);
    }

    /// <summary>Claims the article's slug for the rest of the batch.</summary>
    public void Stage(Article article, string relative)
    {
        var oldSlug = Known.TryGetValue(relative, out var known) && known.Slug != article.Slug ? known.Slug : null;
        slugs[article.Slug] = new SlugOwnerEntry(article.Id, relative);
        staged.Add((article, relative, oldSlug));
    }

    /// <summary>The batch is committed: its articles (now with ids) are known.</summary>
    public void Commit()
    {
        foreach (var from in stagedMovesFrom)
        {
            Known.Remove(from);
        }
        stagedMovesFrom.Clear();
        foreach (var (article, relative, oldSlug) in staged)
        {
            if (oldSlug is not null && slugs.TryGetValue(oldSlug, out var owner) && owner.Id == article.Id)
            {
                slugs.Remove(oldSlug);
            }
            slugs[article.Slug] = new SlugOwnerEntry(article.Id, relative);
            Known[relative] = new KnownFile(article.Id, article.ContentHash, article.EditedSinceImport, article.Slug);
        }
        staged.Clear();
    }

    /// <summary>Lets the batch's articles go: tags otherwise keep every article they were fixed up with.</summary>
    public void ForgetArticles()
    {
        staged.Clear();
        stagedMovesFrom.Clear();
        foreach (var tag in tags.Values)
        {
            if (tag.Articles.Count > 0)
            {
                tag.Articles.Clear();
            }
        }
    }
}
