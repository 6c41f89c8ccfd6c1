using System.Diagnostics;
using System.Globalization;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using NIOFSDirectory = Lucene.Net.Store.NIOFSDirectory;

namespace AseanJapanNews.Web.Search.Lucene;

/// <summary>
/// Search on a Lucene.NET index in a folder on local disk, one document per article that readers may ever see
/// (published, due or scheduled). Lucene scores the postings of a common word in a tight loop and keeps the best in
/// a heap, where FTS5 called bm25() once per matching row. Which articles readers may see now, and in which period,
/// is decided at query time from each document's publication instant, so a scheduled article appears when its time
/// comes without re-indexing. Ranking, counting and paging: <see cref="RankedCollector"/>; the queries:
/// <see cref="ArticleQuery"/>; the text of the page's results comes from the database, never from the index.
/// </summary>
/// <remarks>
/// One writer stays open for the life of the index (Lucene allows one per folder, across processes); searches take
/// near-real-time searchers from it. Writes (<see cref="ApplyAsync"/>, <see cref="RebuildAsync"/>) run one at a
/// time and each ends with a commit carrying the change log position it brings the index to.
/// </remarks>
public sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    /// <summary>Results beyond this rank are counted but not listed: page 101 of ten is a crawler, not a reader.</summary>
    public const int MaxRanked = SearchResults.MaxRanked;

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string ChangeIdKey = "changeId";

    /// <summary>
    /// What the documents hold and how their words were made (fields, analysis). Change it with either: an index
    /// committed under another layout reports no position, so the follower rebuilds it instead of searching it.
    /// </summary>
    public const string Layout = "1";

    private const string LayoutKey = "layout";
    private const long NoCommit = long.MinValue;

    /// <summary>Articles read from the database at a time, so a rebuild of 100,000 holds a thousand in memory.</summary>
    private const int BatchSize = 1000;

    private static readonly Similarity Bm25 = new BM25Similarity();

    private readonly Func<NewsDbContext> openDatabase;
    private readonly TimeProvider clock;
    private readonly ILogger<LuceneSearchIndex> logger;
    private readonly NIOFSDirectory directory;
    private readonly ArticleAnalyzer analyzer = new();
    private readonly SemaphoreSlim writing = new(1, 1);
    private IndexWriter writer;
    private SearcherManager searchers;
    private long committedChangeId = NoCommit;
    private bool disposed;

    public LuceneSearchIndex(string folder, Func<NewsDbContext> openDatabase, TimeProvider clock, ILogger<LuceneSearchIndex> logger)
    {
        this.openDatabase = openDatabase;
        this.clock = clock;
        this.logger = logger;
        System.IO.Directory.CreateDirectory(folder);
        // Not FSDirectory.Open's choice on 64-bit Linux, MMapDirectory: at this version its reads slow to a crawl when
        // several threads search at once (Lucene.NET issue 1151; here p95 96 ms at four connections against 12 at one).
        directory = new NIOFSDirectory(folder);
        (writer, searchers) = OpenOrStartOver(folder);
        if (writer.CommitData.TryGetValue(LayoutKey, out var layout) && layout == Layout
            && writer.CommitData.TryGetValue(ChangeIdKey, out var committed))
        {
            committedChangeId = long.Parse(committed, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The change log position of the last commit; null for a new (or unreadable, hence emptied) index.</summary>
    public long? CommittedChangeId => Volatile.Read(ref committedChangeId) is var id && id != NoCommit ? id : null;

    /// <summary>Articles a search can find now (searchable documents, scheduled ones included).</summary>
    public int DocumentCount
    {
        get
        {
            var searcher = searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
    }

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var (terms, filters, pageSize) = query;
        if (terms.IsEmpty)
        {
            return new SearchResults([], 1, pageSize, 0);
        }
        if (ArticleQuery.For(terms, filters.Tags) is not { } articleQuery)
        {
            return new SearchResults([], filters.Page, pageSize, 0);
        }
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var skip = new PageWindow(filters.Page, pageSize).Skip;
        // Every page ranks the same best MaxRanked, so the words-together tier orders them alike from page to page.
        var (ranked, total) = Rank(articleQuery, Window(filters, nowUtc), skip < MaxRanked ? MaxRanked : 0);
        var ids = ranked.Skip(skip).Take(pageSize).ToList();
        if (ids.Count == 0)
        {
            return new SearchResults([], filters.Page, pageSize, total);
        }

        await using var db = openDatabase();
        var loaded = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new Article
            {
                Id = a.Id, Slug = a.Slug, Title = a.Title, Summary = a.Summary, Body = a.Body, PublishedAtUtc = a.PublishedAtUtc, Status = a.Status,
            })
            .ToListAsync(ct);
        // The database has the last word on the page's ten: one unpublished since the index last heard is left out.
        var details = loaded.Where(a => a.IsVisibleToReaders(nowUtc)).ToDictionary(a => a.Id);
        var tags = await db.TagLinksAsync(ids, ct);
        var highlighter = new HitHighlighter(articleQuery, analyzer);
        var hits = ids.Where(details.ContainsKey).Select(id => details[id]).Select(a => new SearchHit(
            new ArticleSummary(a.Id, a.Slug, a.Title, a.Summary, a.PublishedAtUtc!.Value, tags.GetValueOrDefault(a.Id, [])),
            highlighter.Title(a.Title),
            highlighter.Snippet(a.Summary, ArticleMarkdown.ToPlainText(a.Body)))).ToList();
        return new SearchResults(hits, filters.Page, pageSize, total);
    }

    /// <summary>Publication instants a reader may see now, within the filter's Vietnam days (both ends inclusive).</summary>
    private static VisibleWindow Window(ArticleListQuery filters, DateTime nowUtc)
    {
        var from = filters.From is { } first ? VietnamTime.StartOfDayUtc(first).Ticks : long.MinValue;
        var until = nowUtc.Ticks + 1;
        if (filters.To is { } last)
        {
            until = Math.Min(until, VietnamTime.StartOfDayUtc(last.AddDays(1)).Ticks);
        }
        return new VisibleWindow(from, until);
    }

    private (List<int> Ranked, int Total) Rank(ArticleQuery query, VisibleWindow window, int depth)
    {
        var searcher = searchers.Acquire();
        try
        {
            using var collector = new RankedCollector(depth, window, WeightOf(query.Exact), query.Boosts.Select(searcher.CreateNormalizedWeight).ToList());
            searcher.Search(query.Match, collector);
            return (collector.Ranked(searcher, query.Together is { } words ? new WordsTogether(words) : null), collector.TotalCount);
        }
        finally
        {
            searchers.Release(searcher);
        }

        Weight? WeightOf(Query? tier) => tier is null ? null : searcher.CreateNormalizedWeight(tier);
    }

    /// <summary>
    /// Brings these articles' documents in line with the database (added, replaced, or deleted when the article is gone
    /// or no longer published), commits with <paramref name="changeId"/>, and lets the next search see it.
    /// </summary>
    public async Task ApplyAsync(IReadOnlyCollection<int> articleIds, long changeId, CancellationToken ct)
    {
        await writing.WaitAsync(ct);
        try
        {
            foreach (var batch in articleIds.Distinct().Chunk(BatchSize))
            {
                List<IndexedArticle> articles;
                await using (var db = openDatabase())
                {
                    articles = await ReadAsync(db, Indexable(db).Where(a => batch.Contains(a.Id)), ct);
                }
                var documents = articles.ToDictionary(a => a.Id);
                foreach (var id in batch)
                {
                    if (documents.TryGetValue(id, out var article))
                    {
                        writer.UpdateDocument(ArticleFields.IdTerm(id), ArticleFields.Of(article));
                    }
                    else
                    {
                        writer.DeleteDocuments(ArticleFields.IdTerm(id));
                    }
                }
            }
            // Left uncommitted on a failure above: each change there is true of the database, and the next commit takes it.
            Commit(changeId);
            searchers.MaybeRefreshBlocking();
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>
    /// Every article again, read in batches of <see cref="BatchSize"/> and indexed on every core, then one commit with
    /// <paramref name="changeId"/>. Searches see the old index until that commit; a failed or cancelled rebuild leaves it as it was.
    /// </summary>
    public async Task RebuildAsync(long changeId, CancellationToken ct)
    {
        await writing.WaitAsync(ct);
        try
        {
            var started = Stopwatch.GetTimestamp();
            writer.DeleteAll();
            var count = 0;
            var after = 0;
            while (true)
            {
                List<IndexedArticle> batch;
                await using (var db = openDatabase())
                {
                    var last = after;
                    batch = await ReadAsync(db, Indexable(db).Where(a => a.Id > last).OrderBy(a => a.Id).Take(BatchSize), ct);
                }
                if (batch.Count == 0)
                {
                    break;
                }
                // Lucene's writer takes documents from several threads at once; making them (Markdown to text, every
                // word folded) is most of the work.
                Parallel.ForEach(batch, new ParallelOptions { CancellationToken = ct }, a => writer.AddDocument(ArticleFields.Of(a)));
                count += batch.Count;
                after = batch[^1].Id;
            }
            // One segment to search instead of the dozen or so the batches flushed; later changes add small ones,
            // which the merge policy folds in as they come.
            writer.ForceMerge(1);
            Commit(changeId);
            searchers.MaybeRefreshBlocking();
            logger.LogInformation("Search index rebuilt: {Count} articles in {Seconds:0.0} s, at change {ChangeId}",
                count, Stopwatch.GetElapsedTime(started).TotalSeconds, changeId);
        }
        catch when (!disposed)
        {
            // The DeleteAll and the batches so far are uncommitted: back to the last commit, so the next commit
            // (an ApplyAsync) cannot publish half an index.
            RollBack();
            throw;
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Articles readers may ever see (the visibility rule asked at the end of time): published, due or scheduled.</summary>
    private static IQueryable<Article> Indexable(NewsDbContext db) => db.Articles.AsNoTracking().VisibleToReaders(DateTime.MaxValue);

    private static async Task<List<IndexedArticle>> ReadAsync(NewsDbContext db, IQueryable<Article> articles, CancellationToken ct)
    {
        var rows = await articles
            .Select(a => new { a.Id, a.Title, a.Summary, a.Body, a.PublishedAtUtc })
            .ToListAsync(ct);
        // Tags in a flat query, by id: a nested projection makes SQLite materialize the whole join table.
        var tags = await db.TagLinksAsync(rows.Select(r => r.Id).ToList(), ct);
        return rows
            .Select(r => new IndexedArticle(r.Id, r.Title, r.Summary, r.Body, r.PublishedAtUtc!.Value, tags.GetValueOrDefault(r.Id, [])))
            .ToList();
    }

    private void Commit(long changeId)
    {
        writer.SetCommitData(new Dictionary<string, string>
        {
            [ChangeIdKey] = changeId.ToString(CultureInfo.InvariantCulture),
            [LayoutKey] = Layout,
        });
        writer.Commit();
        Volatile.Write(ref committedChangeId, changeId);
    }

    private (IndexWriter, SearcherManager) Open()
    {
        var config = new IndexWriterConfig(Version, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Bm25,
            // Fewer, larger flushes while rebuilding; the buffer is only filled that way.
            RAMBufferSizeMB = 64,
            // A compound file copies a segment's files into one more, to spare file handles this folder does not lack.
            UseCompoundFile = false,
        };
        config.MergePolicy.NoCFSRatio = 0;
        var opened = new IndexWriter(directory, config);
        return (opened, new SearcherManager(opened, applyAllDeletes: true, new Bm25Searchers()));
    }

    /// <summary>
    /// The index holds nothing the database does not: one it cannot read (a crash mid-write, a Lucene version it does not
    /// know) is emptied, and its missing change id tells the caller to rebuild. Another process holding the folder's
    /// lock is not such a case, and is thrown.
    /// </summary>
    private (IndexWriter, SearcherManager) OpenOrStartOver(string folder)
    {
        try
        {
            return Open();
        }
        catch (Exception e) when (e is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or EndOfStreamException)
        {
            logger.LogWarning(e, "Search index in {Folder} is unreadable; starting an empty one to rebuild", folder);
            foreach (var file in directory.ListAll())
            {
                directory.DeleteFile(file);
            }
            return Open();
        }
    }

    /// <summary>Discards what was not committed: rolling back closes Lucene's writer, so a new one is opened on the last commit.</summary>
    private void RollBack()
    {
        writer.Rollback();
        var previous = searchers;
        (writer, searchers) = Open();
        previous.Dispose();
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        searchers.Dispose();
        // Every finished write has committed; what is left is an unfinished rebuild, which must not be committed (as
        // disposing the writer would).
        writer.Rollback();
        directory.Dispose();
        analyzer.Dispose();
        writing.Dispose();
    }

    /// <summary>Searchers that score with BM25, as the writer's norms were made for.</summary>
    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Bm25 };
    }
}
