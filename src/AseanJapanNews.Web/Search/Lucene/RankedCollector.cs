using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace AseanJapanNews.Web.Search.Lucene;

/// <summary>
/// Takes every match of the query in document order: keeps those readers may see in the period asked for, counts
/// them all, and keeps the best <c>depth</c> in a bounded heap by exact diacritics first, then BM25, then newest, then
/// the higher id. <see cref="Ranked"/> then moves those whose words stand together ahead of the others of their
/// tier. Tiers are checked by stepping their own queries' iterators to each match, not scored: as boosts they would
/// only be likely, not sure, to come first, and the float sum would blur BM25's order beneath them.
/// </summary>
/// <remarks>
/// This runs once per match, tens of thousands of times for a common word, so it does the cheap things first: the
/// publication instant from an array, the exact tier (a list of articles), then the score. Words standing together
/// are looked for among the kept matches only, as FTS5 did: it reads positions, and checking it for all 60,000
/// matches of two common words cost more than ranking them (5-7 ms).
/// </remarks>
internal sealed class RankedCollector(int depth, VisibleWindow window, Weight? exact, IReadOnlyList<Weight> boosts) : ICollector, IDisposable
{
    private readonly MatchHeap best = new(depth);
    private float[] boosted = [];
    private Scorer scorer = null!;
    private SegmentColumns columns = null!;
    private Scorer? exactMatches;
    private int docBase;

    /// <summary>Every visible match, however deep.</summary>
    public int TotalCount { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        docBase = context.DocBase;
        columns = SegmentColumns.Of(reader);
        if (depth > 0)
        {
            exactMatches = exact?.GetScorer(context, reader.LiveDocs);
            ScoreBoosts(context);
        }
    }

    /// <summary>
    /// The small fields' scores of the segment's documents, each field's matches taken in one pass. As SHOULD clauses of
    /// the match they were stepped to every match through a heap of nine iterators for three words: the costliest part
    /// of ranking common words.
    /// </summary>
    private void ScoreBoosts(AtomicReaderContext context)
    {
        if (boosted.Length < context.AtomicReader.MaxDoc)
        {
            Dispose();
            boosted = ArrayPool<float>.Shared.Rent(context.AtomicReader.MaxDoc);
        }
        Array.Clear(boosted, 0, context.AtomicReader.MaxDoc);
        foreach (var boost in boosts)
        {
            if (boost.GetScorer(context, context.AtomicReader.LiveDocs) is not { } matches)
            {
                continue;
            }
            for (var doc = matches.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.NextDoc())
            {
                boosted[doc] += matches.GetScore();
            }
        }
    }

    public void Dispose()
    {
        if (boosted.Length > 0)
        {
            ArrayPool<float>.Shared.Return(boosted);
            boosted = [];
        }
    }

    public void Collect(int doc)
    {
        var published = columns.Published[doc];
        if (!window.Contains(published))
        {
            return;
        }
        TotalCount++;
        if (depth == 0)
        {
            return;
        }
        var tier = Has(exactMatches, doc) ? RankedMatch.Exact : 0;
        if (best.IsFull && tier < best.Weakest.Tier)
        {
            return;
        }
        best.Offer(new RankedMatch(tier, scorer.GetScore() + boosted[doc], published, columns.ArticleIds[doc], docBase + doc));
    }

    /// <summary>Whether the tier's query matches <paramref name="doc"/>; matches come in order, so its iterator only moves forward.</summary>
    private static bool Has(Scorer? matches, int doc)
    {
        if (matches is null)
        {
            return false;
        }
        if (matches.DocID < doc)
        {
            matches.Advance(doc);
        }
        return matches.DocID == doc;
    }

    /// <summary>The article ids kept, best first, those with the words <paramref name="together"/> first within their tier.</summary>
    public List<int> Ranked(IndexSearcher searcher, WordsTogether? together)
    {
        var kept = best.ToList();
        if (together is not null)
        {
            kept.Sort((a, b) => a.Doc.CompareTo(b.Doc));
            var leaves = searcher.IndexReader.Leaves;
            var leaf = -1;
            for (var i = 0; i < kept.Count; i++)
            {
                var doc = kept[i].Doc;
                while (leaf + 1 < leaves.Count && leaves[leaf + 1].DocBase <= doc)
                {
                    leaf++;
                    together.SetSegment(leaves[leaf].AtomicReader);
                }
                if (together.Holds(doc - leaves[leaf].DocBase))
                {
                    kept[i] = kept[i] with { Tier = kept[i].Tier + RankedMatch.Adjacent };
                }
            }
        }
        kept.Sort((a, b) => RankedMatch.Outranks(a, b) ? -1 : RankedMatch.Outranks(b, a) ? 1 : 0);
        return kept.Select(m => m.ArticleId).ToList();
    }
}

/// <summary>Publication instants (UTC ticks) readers may see: up to now, within the filter's Vietnam days.</summary>
internal readonly record struct VisibleWindow(long FromTicks, long UntilTicks)
{
    public bool Contains(long publishedTicks) => publishedTicks >= FromTicks && publishedTicks < UntilTicks;
}

/// <summary>A kept match; <see cref="Doc"/> is its document in the whole index, to find it again.</summary>
internal readonly record struct RankedMatch(int Tier, float Score, long PublishedTicks, int ArticleId, int Doc)
{
    /// <summary>Tiers add up: exact and together (3) before exact (2) before together (1) before neither.</summary>
    public const int Exact = 2, Adjacent = 1;

    public static bool Outranks(in RankedMatch a, in RankedMatch b) =>
        a.Tier != b.Tier ? a.Tier > b.Tier
        : a.Score != b.Score ? a.Score > b.Score
        : a.PublishedTicks != b.PublishedTicks ? a.PublishedTicks > b.PublishedTicks
        : a.ArticleId > b.ArticleId;
}

/// <summary>The best matches so far, at most <c>capacity</c>, weakest at the root (a binary heap in an array).</summary>
internal sealed class MatchHeap(int capacity)
{
    private readonly RankedMatch[] heap = new RankedMatch[capacity];
    private int count;

    public bool IsFull => count == capacity;

    public RankedMatch Weakest => heap[0];

    public void Offer(RankedMatch match)
    {
        if (count < capacity)
        {
            var i = count++;
            // Up while it is weaker than its parent.
            while (i > 0 && RankedMatch.Outranks(heap[(i - 1) / 2], match))
            {
                heap[i] = heap[(i - 1) / 2];
                i = (i - 1) / 2;
            }
            heap[i] = match;
        }
        else if (RankedMatch.Outranks(match, heap[0]))
        {
            SiftDown(match);
        }
    }

    /// <summary>Replaces the root with <paramref name="match"/> and moves it down to its place.</summary>
    private void SiftDown(RankedMatch match)
    {
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= count)
            {
                break;
            }
            if (child + 1 < count && RankedMatch.Outranks(heap[child], heap[child + 1]))
            {
                child++;
            }
            if (!RankedMatch.Outranks(match, heap[child]))
            {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = match;
    }

    public List<RankedMatch> ToList() => heap[..count].ToList();
}
