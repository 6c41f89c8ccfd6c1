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
internal sealed class RankedCollector(int depth, VisibleWindow window, Weight? exact) : ICollector
{
    private readonly MatchHeap best = new(depth);
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
        exactMatches = exact?.GetScorer(context, reader.LiveDocs);
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
        best.Offer(new RankedMatch(tier, scorer.GetScore(), published, columns.ArticleIds[doc], docBase + doc));
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

    /// <summary>The article ids kept, best first, those with the words of <paramref name="adjacent"/> together first within their tier.</summary>
    public List<int> Ranked(IndexSearcher searcher, Weight? adjacent)
    {
        var kept = best.ToList();
        if (adjacent is not null)
        {
            kept.Sort((a, b) => a.Doc.CompareTo(b.Doc));
            var leaves = searcher.IndexReader.Leaves;
            var leaf = -1;
            Scorer? together = null;
            for (var i = 0; i < kept.Count; i++)
            {
                var doc = kept[i].Doc;
                while (leaf + 1 < leaves.Count && leaves[leaf + 1].DocBase <= doc)
                {
                    leaf++;
                    together = adjacent.GetScorer(leaves[leaf], leaves[leaf].AtomicReader.LiveDocs);
                }
                if (Has(together, doc - leaves[leaf].DocBase))
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
