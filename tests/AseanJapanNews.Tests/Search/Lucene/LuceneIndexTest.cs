using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Search;
using AseanJapanNews.Web.Search.Lucene;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AseanJapanNews.Tests.Search.Lucene;

/// <summary>A database of its own (<see cref="DatabaseTest"/>) and an index folder beside it, for tests that write.</summary>
public abstract class LuceneIndexTest : DatabaseTest
{
    private LuceneSearchIndex? index;

    protected string IndexFolder => Path.Combine(Path.GetDirectoryName(Store.DatabaseFile)!, "search-index");

    /// <summary>The index on <see cref="IndexFolder"/>, opened on first use.</summary>
    protected LuceneSearchIndex Index => index ??= Open();

    protected LuceneSearchIndex Open(Func<NewsDbContext>? openDatabase = null) =>
        new(IndexFolder, openDatabase ?? (() => Store.Open()), Store.Clock, NullLogger<LuceneSearchIndex>.Instance);

    /// <summary>Closes the index, so a test can open the folder again.</summary>
    protected void Close()
    {
        index?.Dispose();
        index = null;
    }

    protected async Task<List<int>> AddAsync(params Article[] articles)
    {
        await using var db = Store.Open();
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync(Ct);
        return articles.Select(a => a.Id).ToList();
    }

    protected async Task ChangeAsync(int id, Action<Article> change)
    {
        await using var db = Store.Open();
        change(await db.Articles.SingleAsync(a => a.Id == id, Ct));
        await db.SaveChangesAsync(Ct);
    }

    protected Task<SearchResults> SearchAsync(string query, int page = 1, DateOnly? from = null) =>
        Index.SearchAsync(new SearchQuery(SearchTerms.Parse(query), new ArticleListQuery([], from, null, page), 10), Ct);

    protected async Task<List<string>> TitlesAsync(string query) => (await SearchAsync(query)).Hits.Select(h => h.Article.Title).ToList();

    protected DateTime Now => Store.Clock.GetUtcNow().UtcDateTime;

    public override async ValueTask DisposeAsync()
    {
        Close();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
