using AseanJapanNews.Web.Changes;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Search;

/// <summary>
/// "Đọc thêm": for an article, the visible articles that share the most telling topics with it, nearest in time
/// first. Worked out from an in-memory picture of every published article's date and topics (a few MB at 100,000
/// articles), kept up by following the change log, so a page asks only for its own article's neighbourhood: for
/// each of its topics, the <see cref="WindowPerSide"/> articles before and after it in time. A topic counts by how
/// rare it is (a topic on nine articles in ten says little), ties go to the article nearer in time.
/// </summary>
public sealed class RelatedArticles(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RelatedArticles> logger) : IChangeFollower, IDisposable
{
    public const int Count = 5;

    /// <summary>Candidates per topic on each side of the article in time.</summary>
    public const int WindowPerSide = 20;

    /// <summary>More changes than this at once (an import) reload the whole picture rather than article by article.</summary>
    private const int ReloadAbove = 2_000;

    private sealed record Entry(DateTime At, int[] Tags);

    private static readonly Comparer<(DateTime At, int Id)> ByTime = Comparer<(DateTime At, int Id)>.Default;

    private readonly Lock gate = new();
    private Dictionary<int, Entry> articles = [];
    private Dictionary<int, List<(DateTime At, int Id)>> byTag = [];
    private readonly SemaphoreSlim following = new(1, 1);
    private long position = -1;
    private Task loaded = Task.CompletedTask;

    /// <summary>Done once the picture has been read at start-up; article pages wait for it rather than show no "Đọc thêm".</summary>
    public Task Ready => loaded;

    public void Dispose() => following.Dispose();

    /// <summary>Up to <paramref name="take"/> related articles visible now, best first; never the article itself.</summary>
    public IReadOnlyList<int> For(int articleId, int take = Count)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var scores = new Dictionary<int, (double Weight, long Distance)>();
        lock (gate)
        {
            if (!articles.TryGetValue(articleId, out var self))
            {
                return [];
            }
            foreach (var tag in self.Tags)
            {
                if (!byTag.TryGetValue(tag, out var line))
                {
                    continue;
                }
                // The article's own place in the topic's time line, then its neighbours on both sides.
                var here = line.BinarySearch((self.At, articleId), ByTime);
                here = here < 0 ? ~here : here;
                var newer = 0;
                for (var i = here; i < line.Count && newer < WindowPerSide && line[i].At <= now; i++)
                {
                    newer += Score(line[i].Id) ? 1 : 0;
                }
                var older = 0;
                for (var i = here - 1; i >= 0 && older < WindowPerSide; i--)
                {
                    older += Score(line[i].Id) ? 1 : 0;
                }
            }

            bool Score(int id)
            {
                if (id == articleId || scores.ContainsKey(id))
                {
                    return false;
                }
                var other = articles[id];
                scores[id] = (SharedWeight(self.Tags, other.Tags), Math.Abs((other.At - self.At).Ticks));
                return true;
            }
        }
        return scores
            .OrderByDescending(s => s.Value.Weight)
            .ThenBy(s => s.Value.Distance)
            .ThenByDescending(s => s.Key)
            .Take(take)
            .Select(s => s.Key)
            .ToList();
    }

    /// <summary>How telling the shared topics are: each weighs ln(1 + articles / articles with it).</summary>
    private double SharedWeight(int[] mine, int[] theirs)
    {
        double weight = 0;
        foreach (var tag in mine)
        {
            if (Array.IndexOf(theirs, tag) >= 0)
            {
                weight += Math.Log(1 + (double)articles.Count / byTag[tag].Count);
            }
        }
        return weight;
    }

    /// <summary>Follows the log: articles that appeared, left, moved or changed topics are read again.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        await following.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            if (position < 0)
            {
                // Read in the background: the site answers its first requests meanwhile, article pages wait for it.
                position = await ChangeLog.LatestIdAsync(db, ct);
                loaded = Task.Run(async () =>
                {
                    try
                    {
                        await using var loading = scopes.CreateAsyncScope();
                        await ReloadAsync(loading.ServiceProvider.GetRequiredService<NewsDbContext>(), CancellationToken.None);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // Pages show no "Đọc thêm" rather than fail; the next poll reads the picture again.
                        logger.LogError(e, "Related articles could not be read; trying again");
                        position = -1;
                    }
                }, CancellationToken.None);
                return;
            }
            if (!loaded.IsCompleted)
            {
                return;
            }
            var changes = await ChangeLog.AfterAsync(db, position, ReloadAbove + 1, ct);
            if (changes.Count == 0)
            {
                return;
            }
            if (changes.Count > ReloadAbove || changes.Any(c => c.Kind == ChangeKind.Everything))
            {
                position = await ChangeLog.LatestIdAsync(db, ct);
                await ReloadAsync(db, ct);
                return;
            }
            var moved = changes.Where(c => c.Kind == ChangeKind.Placement).Select(c => c.ArticleId!.Value).Distinct().ToList();
            if (moved.Count > 0)
            {
                var (rows, links) = await ReadAsync(db, moved, ct);
                lock (gate)
                {
                    foreach (var id in moved)
                    {
                        Remove(id);
                    }
                    foreach (var (id, at) in rows)
                    {
                        Add(id, at, links.GetValueOrDefault(id, []));
                    }
                }
            }
            position = changes[^1].Id;
        }
        finally
        {
            following.Release();
        }
    }

    private async Task ReloadAsync(NewsDbContext db, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (rows, links) = await ReadAsync(db, null, ct);
        var freshArticles = new Dictionary<int, Entry>(rows.Count);
        var freshByTag = new Dictionary<int, List<(DateTime At, int Id)>>();
        foreach (var (id, at) in rows)
        {
            var tags = links.GetValueOrDefault(id, []);
            freshArticles[id] = new Entry(at, tags);
            foreach (var tag in tags)
            {
                if (!freshByTag.TryGetValue(tag, out var line))
                {
                    freshByTag[tag] = line = [];
                }
                line.Add((at, id));
            }
        }
        foreach (var line in freshByTag.Values)
        {
            line.Sort(ByTime);
        }
        lock (gate)
        {
            articles = freshArticles;
            byTag = freshByTag;
        }
        logger.LogInformation("Related articles: {Count} articles read in {Elapsed}", rows.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Published articles (due or scheduled: visibility is decided when asked) and their topics.</summary>
    private static async Task<(List<(int Id, DateTime At)> Rows, Dictionary<int, int[]> Links)> ReadAsync(
        NewsDbContext db, List<int>? only, CancellationToken ct)
    {
        var published = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc != null);
        if (only is not null)
        {
            published = published.Where(a => only.Contains(a.Id));
        }
        var rows = (await published.Select(a => new { a.Id, a.PublishedAtUtc }).ToListAsync(ct))
            .Select(a => (a.Id, a.PublishedAtUtc!.Value)).ToList();
        var tagRows = db.ArticleTagRows().Where(at => EF.Property<ArticleStatus?>(at, NewsDbContext.ArticleTagStatus) == ArticleStatus.Published);
        if (only is not null)
        {
            tagRows = tagRows.Where(at => only.Contains(EF.Property<int>(at, "ArticlesId")));
        }
        var links = (await tagRows.Select(at => new { ArticleId = EF.Property<int>(at, "ArticlesId"), TagId = EF.Property<int>(at, "TagsId") }).ToListAsync(ct))
            .GroupBy(l => l.ArticleId)
            .ToDictionary(g => g.Key, g => g.Select(l => l.TagId).ToArray());
        return (rows, links);
    }

    private void Add(int id, DateTime at, int[] tags)
    {
        articles[id] = new Entry(at, tags);
        foreach (var tag in tags)
        {
            if (!byTag.TryGetValue(tag, out var line))
            {
                byTag[tag] = line = [];
            }
            var place = line.BinarySearch((at, id), ByTime);
            line.Insert(place < 0 ? ~place : place, (at, id));
        }
    }

    private void Remove(int id)
    {
        if (!articles.Remove(id, out var entry))
        {
            return;
        }
        foreach (var tag in entry.Tags)
        {
            if (byTag.TryGetValue(tag, out var line) && line.BinarySearch((entry.At, id), ByTime) is var place and >= 0)
            {
                line.RemoveAt(place);
                if (line.Count == 0)
                {
                    byTag.Remove(tag);
                }
            }
        }
    }
}
