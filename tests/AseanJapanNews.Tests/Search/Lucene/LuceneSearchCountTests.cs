using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Search;
using AseanJapanNews.Web.Search.Lucene;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Tests.Search.Lucene;

/// <summary>
/// Common words (the cases of <see cref="SearchCapTests"/> and <see cref="SearchTiersBeyondCapTests"/>): every match is
/// counted, the first <see cref="LuceneSearchIndex.MaxRanked"/> are listed, and an exact match leads however low BM25 puts it.
/// </summary>
public sealed class LuceneSearchCountTests : LuceneIndexTest
{
    private const string Lion = "Chuyện rừng xanh";

    private async Task SeedAsync()
    {
        await AddAsync(
        [
            .. Enumerable.Range(1, 1005).Select(i => TestArticles.Make($"Kỳ lân số {i}", Now.AddMinutes(-i))),
            // The words apart and without diacritics: matched, never above the exact phrase.
            TestArticles.Make("Ky nghe va lan can", Now.AddDays(-1), slug: "ky-va-lan"),
            // "su" and "tu" in every title, apart and without diacritics: title matches weigh ten times a body's.
            .. Enumerable.Range(1, 1005).Select(i => TestArticles.Make($"Su doan {i} tuong niem tu si", Now.AddMinutes(-i))),
            // The only article with "sư tử" as written: in its body, and older.
            TestArticles.Make(Lion, Now.AddDays(-3), slug: "chuyen-rung-xanh", body: "Một con sư tử đi qua rừng."),
        ]);
        await Index.RebuildAsync(1, Ct);
    }

    [Fact]
    public async Task CommonWord_IsCountedInFull()
    {
        await SeedAsync();
        var results = await SearchAsync("kỳ lân");
        Assert.Equal(1006, results.TotalCount);
        Assert.False(results.Capped);
        Assert.Equal(10, results.Hits.Count);
        Assert.All(results.Hits, h => Assert.StartsWith("Kỳ lân số", h.Article.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagesBeyondTheRankedOnes_AreEmpty_WithTheCountStillTrue()
    {
        await SeedAsync();
        Assert.Equal(10, (await SearchAsync("ky lan", page: LuceneSearchIndex.MaxRanked / 10)).Hits.Count);
        var beyond = await SearchAsync("ky lan", page: LuceneSearchIndex.MaxRanked / 10 + 1);
        Assert.Empty(beyond.Hits);
        Assert.Equal(1006, beyond.TotalCount);
    }

    [Fact]
    public async Task FewMatches_AreCountedExactly()
    {
        await SeedAsync();
        Assert.Equal(1, (await SearchAsync("kỳ lân số 1005")).TotalCount);
    }

    [Fact]
    public async Task ExactMatchRankedLowByBm25_LeadsTheResults()
    {
        await SeedAsync();
        var results = await SearchAsync("sư tử");
        Assert.Equal(1006, results.TotalCount);
        Assert.Equal(Lion, results.Hits[0].Article.Title);
    }

    [Fact]
    public async Task WithADateFilter_TheExactMatchStillLeads()
    {
        await SeedAsync();
        var from = VietnamTime.DayOf(Now).AddDays(-30);
        Assert.Equal(Lion, (await SearchAsync("sư tử", from: from)).Hits[0].Article.Title);
    }

    [Fact]
    public async Task AWordInEveryArticle_IsCountedInEveryArticle()
    {
        await AddAsync(Enumerable.Range(1, 3000).Select(i => TestArticles.Make($"Tin {i}", Now.AddMinutes(-i), body: "Nhật Bản và Việt Nam.")).ToArray());
        await Index.RebuildAsync(1, Ct);

        var results = await SearchAsync("nhật bản");
        Assert.Equal(3000, results.TotalCount);
        // Every match counted; the best thousand can be paged through.
        Assert.Equal(SearchResults.MaxRanked / 10, results.TotalPages);
        // All equal: newest first.
        Assert.Equal(["Tin 1", "Tin 2"], results.Hits.Take(2).Select(h => h.Article.Title));
    }
}
