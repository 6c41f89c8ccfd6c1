using System.Data.Common;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Models;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AseanJapanNews.Web.Search.Sqlite;

/// <summary>
/// Search on SQLite FTS5. The virtual table <c>ArticleSearch</c> (see the AddSearchIndex and ContentlessSearchIndex
/// migrations) has one row per article, rowid = article id, indexing title, tags, sapo and body twice: folded by
/// <see cref="VietnameseText.Fold"/> (what queries match against) and with diacritics (what ranks exact matches
/// first). Ranking: exact-diacritic matches, then several-word queries whose words stand together, then bm25
/// (title 10, tags 6, sapo 3, body 1), then newest first. At most 1,000 are listed (see <see cref="SearchResults.MaxRanked"/>):
/// the best by exactness and bm25, in that order (see <see cref="Fts5.Search"/>). The index knows words only: whether a reader may see an article is decided at query time by joining
/// <see cref="ArticleQueries.VisibleToReaders"/>, so scheduled articles appear when their time comes.
/// </summary>
public sealed class SqliteSearchIndex(NewsDbContext db, TimeProvider clock) : ISearchIndex
{
    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var (terms, filters, pageSize) = query;
        if (terms.IsEmpty)
        {
            return new SearchResults([], 1, pageSize, 0);
        }

        // Without filters, only the best MaxRanked + 1 matches are considered (inside FTS5, before any join). With
        // filters (tags, dates) that would lose filtered articles ranked lower, so the limit is applied after the
        // join instead. Either way one query, of at most MaxRanked + 1 rows, in the final order.
        var (sql, parameters) = Fts5.Search(terms, filters.HasFilters ? null : SearchResults.MaxRanked + 1);
        var matches = db.Database.SqlQueryRaw<Match>(sql, parameters);

        var considered = await (
                from a in VisibleById(filters.From, filters.To).WithAllTags(filters.Tags)
                join m in matches on a.Id equals m.ArticleId
                orderby m.Exact descending, m.Adjacent descending, m.Rank, a.PublishedAtUtc descending, a.Id descending
                select new { a.Id, m.Matched })
            .Take(SearchResults.MaxRanked + 1)
            .ToListAsync(ct);
        // More than MaxRanked: when the visible rows exceed it, or when FTS5 stopped at its limit.
        var capped = considered.Count > SearchResults.MaxRanked || considered.Any(h => h.Matched > SearchResults.MaxRanked);
        var total = Math.Min(considered.Count, SearchResults.MaxRanked);
        var ids = considered
            .Take(SearchResults.MaxRanked)
            .Skip(new PageWindow(filters.Page, pageSize).Skip)
            .Take(pageSize)
            .Select(h => h.Id)
            .ToList();
        // Details in a second query: EF cannot load a collection (tags) through a join with a keyless SQL query.
        // By id, then the visibility rule in memory (the same expression): both in one WHERE make SQLite walk the
        // (Status, PublishedAtUtc) index over every visible article to find ten ids.
        var loaded = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new Article
            {
                Id = a.Id, Slug = a.Slug, Title = a.Title, Summary = a.Summary, Body = a.Body, PublishedAtUtc = a.PublishedAtUtc, Status = a.Status,
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var details = loaded.Where(a => a.IsVisibleToReaders(now)).ToDictionary(a => a.Id);
        var tags = await db.TagLinksAsync(ids, ct);
        // An article deleted or hidden between the two queries is simply left out.
        var page = ids.Where(details.ContainsKey).Select(id => details[id]);

        var results = page.Select(a => new SearchHit(
            new ArticleSummary(a.Id, a.Slug, a.Title, a.Summary, a.PublishedAtUtc!.Value, tags.GetValueOrDefault(a.Id, [])),
            Highlighter.Mark(a.Title, terms),
            Highlighter.Snippet(a.Summary + "\n" + ArticleMarkdown.ToPlainText(a.Body), terms))).ToList();
        return new SearchResults(results, filters.Page, pageSize, total) { Capped = capped };
    }

    public async Task UpdateAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        var ids = articleIds.Distinct().ToList();
        // One prepared statement per kind, bound again for each article: through ExecuteSqlRaw every row paid for
        // building a command and parsing its SQL, about as much as the insert itself.
        await using (var delete = Command(Fts5.DeleteSql, Fts5.DeleteParameters))
        {
            foreach (var id in ids)
            {
                delete.Parameters[0].Value = id;
                await delete.ExecuteNonQueryAsync(ct);
            }
        }
        await IndexAsync(ids, ct);
    }

    /// <summary>Reads the articles' text and adds their rows (they must have none).</summary>
    private async Task IndexAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var articles = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Summary, a.Body })
            .ToListAsync(ct);
        // Tags in a flat query: a nested projection made SQLite materialize the whole join table for every batch.
        var tags = await db.TagLinksAsync(ids, ct);
        // Turning the text into words needs no database and was half of this method on the import's batches: it runs
        // on every core, then one thread writes the rows.
        var documents = new (int, SearchDocument)[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var a = articles[i];
            documents[i] = (a.Id, SearchDocument.From(a.Title, tags.GetValueOrDefault(a.Id, []).Select(t => t.Name), a.Summary, a.Body));
        });
        await AddAsync(documents, ct);
    }

    public async Task AddAsync(IReadOnlyList<(int ArticleId, SearchDocument Words)> articles, CancellationToken ct)
    {
        await using var insert = Command(Fts5.InsertSql, Fts5.InsertParameters);
        foreach (var (id, words) in articles)
        {
            object[] values =
            [
                id, words.Title.Folded, words.Tags.Folded, words.Summary.Folded, words.Body.Folded,
                words.Title.Marked, words.Tags.Marked, words.Summary.Marked, words.Body.Marked,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i];
            }
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A command on the context's connection and transaction (index rows commit with the change).</summary>
    private DbCommand Command(string sql, IReadOnlyList<string> parameterNames)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var name in parameterNames)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async Task<int> IndexMissingAsync(CancellationToken ct)
    {
        var missing = await db.Database
            .SqlQueryRaw<int>(Fts5.MissingSql)
            .ToListAsync(ct);
        // Missing rows need no delete first. 1,000 articles per transaction: with 100, and a delete per article,
        // indexing a 100,000-article database after the ContentlessSearchIndex migration took about 4 minutes.
        foreach (var batch in missing.Chunk(1000))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await IndexAsync(batch, ct);
            await transaction.CommitAsync(ct);
        }
        return missing.Count;
    }

    /// <summary>
    /// Visible articles, for checking many matches by id. The index is named because SQLite's own choice depends
    /// on the statistics: with none, or with those of the importer's sampled ANALYZE, it walked the whole
    /// (Status, PublishedAtUtc) index (99,000 entries at 100,000 articles); with some it read the table rows, where
    /// status and date sit after the body's overflow pages. The rule itself is still <see cref="ArticleQueries.VisibleToReaders"/>.
    /// </summary>
    private IQueryable<Article> VisibleById(DateOnly? from = null, DateOnly? to = null) =>
        db.Articles.FromSqlRaw(ArticlesByIdSql).AsNoTracking().VisibleToReaders(clock.GetUtcNow().UtcDateTime, from, to);

    private const string ArticlesByIdSql = "SELECT * FROM Articles INDEXED BY " + NewsDbContext.VisibilityByIdIndex;

    /// <summary>A row of the FTS5 match: bm25 is negative, lower is better.</summary>
    private sealed class Match
    {
        public int ArticleId { get; set; }
        public double Rank { get; set; }
        public int Exact { get; set; }
        public int Adjacent { get; set; }

        /// <summary>How many matches FTS5 considered (window count); 0 for "more like this".</summary>
        public int Matched { get; set; }
    }
}
