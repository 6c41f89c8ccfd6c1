using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using Lucene.Net.Store;

namespace AseanJapanNews.Tests.Search.Lucene;

/// <summary>Keeping the index in step with the database: applying changes, rebuilding, and what a commit remembers.</summary>
public sealed class LuceneIndexWritingTests : LuceneIndexTest
{
    [Fact]
    public async Task ApplyAsync_AddsReplacesAndDeletes()
    {
        var (id, other) = (await AddAsync(
            TestArticles.Make("Voi rừng về bản", Now.AddDays(-1)),
            TestArticles.Make("Hươu cao cổ", Now.AddDays(-1)))) switch { var ids => (ids[0], ids[1]) };

        await Index.ApplyAsync([id, other], 1, Ct);
        Assert.Equal(["Voi rừng về bản"], await TitlesAsync("voi"));

        await ChangeAsync(id, a => a.Title = "Tê giác về bản");
        await Index.ApplyAsync([id], 2, Ct);
        Assert.Empty(await TitlesAsync("voi"));
        Assert.Equal(["Tê giác về bản"], await TitlesAsync("tê giác"));

        await using (var db = Store.Open())
        {
            db.Articles.Remove(await db.Articles.FindAsync([id], Ct) ?? throw new InvalidOperationException());
            await db.SaveChangesAsync(Ct);
        }
        await Index.ApplyAsync([id], 3, Ct);
        Assert.Empty(await TitlesAsync("tê giác"));
        Assert.Equal(1, Index.DocumentCount);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Trashed)]
    public async Task ApplyAsync_RemovesAnArticleNoLongerPublished(ArticleStatus status)
    {
        var id = (await AddAsync(TestArticles.Make("Voi rừng về bản", Now.AddDays(-1))))[0];
        await Index.ApplyAsync([id], 1, Ct);

        await ChangeAsync(id, a => a.Status = status);
        await Index.ApplyAsync([id], 2, Ct);

        Assert.Empty(await TitlesAsync("voi"));
        Assert.Equal(0, Index.DocumentCount);
    }

    [Fact]
    public async Task ApplyAsync_OfAnArticleNeverIndexed_ThatIsGone_ChangesNothing()
    {
        await Index.ApplyAsync([12345], 1, Ct);
        Assert.Equal(0, Index.DocumentCount);
        Assert.Equal(1, Index.CommittedChangeId);
    }

    [Fact]
    public async Task CommittedChangeId_IsNullForANewIndex_AndSurvivesReopeningTheFolder()
    {
        Assert.Null(Index.CommittedChangeId);
        var id = (await AddAsync(TestArticles.Make("Voi rừng về bản", Now.AddDays(-1))))[0];
        await Index.ApplyAsync([id], 41, Ct);
        await Index.ApplyAsync([], 42, Ct);
        Assert.Equal(42, Index.CommittedChangeId);

        Close();

        Assert.Equal(42, Index.CommittedChangeId);
        Assert.Equal(["Voi rừng về bản"], await TitlesAsync("voi"));
    }

    [Fact]
    public async Task AnIndexCommittedUnderAnotherLayout_ReportsNoPosition_SoItIsRebuilt()
    {
        var id = (await AddAsync(TestArticles.Make("Sếu đầu đỏ về Tràm Chim", Now.AddDays(-1))))[0];
        await Index.ApplyAsync([id], 7, Ct);
        Close();
        // As an older build would have left it: the same position, another layout.
        using (var directory = new global::Lucene.Net.Store.NIOFSDirectory(IndexFolder))
        using (var writer = new global::Lucene.Net.Index.IndexWriter(directory, new global::Lucene.Net.Index.IndexWriterConfig(
                   global::Lucene.Net.Util.LuceneVersion.LUCENE_48, new global::Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["changeId"] = "7", ["layout"] = "0" });
            writer.Commit();
        }

        Assert.Null(Index.CommittedChangeId);
    }

    [Fact]
    public async Task RebuildAsync_IndexesEveryPublishedArticle_InBatches_AndCommitsItsChangeId()
    {
        var articles = Enumerable.Range(1, 2500)
            .Select(i => TestArticles.Make($"Bản tin số {i}", Now.AddMinutes(-i), body: i % 2 == 0 ? "Chẵn." : "Lẻ."))
            .Append(TestArticles.Make("Bản nháp số 0", null, status: ArticleStatus.Draft))
            .ToArray();
        await AddAsync(articles);

        await Index.RebuildAsync(7, Ct);

        Assert.Equal(2500, Index.DocumentCount);
        Assert.Equal(7, Index.CommittedChangeId);
        Assert.Equal(1250, (await SearchAsync("chẵn")).TotalCount);
        Assert.Equal(["Bản tin số 2500"], await TitlesAsync("\"số 2500\""));
    }

    [Fact]
    public async Task RebuildAsync_ReplacesWhatTheIndexHeld()
    {
        var id = (await AddAsync(TestArticles.Make("Voi rừng về bản", Now.AddDays(-1))))[0];
        await Index.ApplyAsync([id], 1, Ct);
        await using (var db = Store.Open())
        {
            db.Articles.Remove(await db.Articles.FindAsync([id], Ct) ?? throw new InvalidOperationException());
            await db.SaveChangesAsync(Ct);
        }

        await Index.RebuildAsync(2, Ct);

        Assert.Equal(0, Index.DocumentCount);
        Assert.Empty(await TitlesAsync("voi"));
    }

    [Fact]
    public async Task RebuildAsync_Cancelled_LeavesTheLastCommitSearchable_AndUnpublished()
    {
        var first = (await AddAsync(TestArticles.Make("Voi rừng về bản", Now.AddDays(-1))))[0];
        await Index.ApplyAsync([first], 1, Ct);
        await AddAsync(Enumerable.Range(1, 1500).Select(i => TestArticles.Make($"Hươu số {i}", Now.AddMinutes(-i))).ToArray());
        Close();

        // The rebuild is cancelled while it reads its second batch, after the first was indexed.
        using var cancel = new CancellationTokenSource();
        var opened = 0;
        using (var index = Open(() =>
        {
            if (++opened == 2)
            {
                cancel.Cancel();
            }
            return Store.Open();
        }))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => index.RebuildAsync(2, cancel.Token));
            Assert.Equal(1, index.CommittedChangeId);
            Assert.Equal(1, index.DocumentCount);

            // The next commit must not publish the half-done rebuild.
            await index.ApplyAsync([], 3, Ct);
            Assert.Equal(1, index.DocumentCount);
        }
        Assert.Equal(["Voi rừng về bản"], await TitlesAsync("voi"));
        Assert.Equal(0, (await SearchAsync("hươu")).TotalCount);
    }

    [Fact]
    public async Task ScheduledArticle_AppearsWhenTheClockPassesItsTime_WithoutReindexing()
    {
        var due = Now.AddHours(2);
        var id = (await AddAsync(TestArticles.Make("Nhật thực toàn phần", due)))[0];
        await Index.ApplyAsync([id], 1, Ct);
        Assert.Empty(await TitlesAsync("nhật thực"));
        Assert.Equal(0, (await SearchAsync("nhật thực")).TotalCount);

        Store.Clock.Now = Store.Clock.Now.AddHours(2);

        Assert.Equal(["Nhật thực toàn phần"], await TitlesAsync("nhật thực"));
    }

    [Fact]
    public async Task ArticleHiddenSinceTheIndexHeardOfIt_IsLeftOffThePage()
    {
        var id = (await AddAsync(TestArticles.Make("Voi rừng về bản", Now.AddDays(-1))))[0];
        await Index.ApplyAsync([id], 1, Ct);

        // Unpublished in the database; the index has not been told yet.
        await ChangeAsync(id, a => a.Status = ArticleStatus.Draft);

        Assert.Empty(await TitlesAsync("voi"));
    }

    [Fact]
    public async Task UnreadableIndex_IsStartedOverEmpty_ForTheCallerToRebuild()
    {
        var id = (await AddAsync(TestArticles.Make("Voi rừng về bản", Now.AddDays(-1))))[0];
        await Index.ApplyAsync([id], 5, Ct);
        Close();
        foreach (var file in System.IO.Directory.GetFiles(IndexFolder, "segments_*"))
        {
            await File.WriteAllBytesAsync(file, [1, 2, 3], Ct);
        }

        Assert.Null(Index.CommittedChangeId);
        Assert.Equal(0, Index.DocumentCount);
        await Index.RebuildAsync(6, Ct);
        Assert.Equal(["Voi rừng về bản"], await TitlesAsync("voi"));
    }

    [Fact]
    public void SecondIndexOnTheSameFolder_IsRefused()
    {
        _ = Index.DocumentCount;
        Assert.Throws<LockObtainFailedException>(() => Open());
    }
}
