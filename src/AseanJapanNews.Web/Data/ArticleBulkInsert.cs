using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AseanJapanNews.Web.Data;

/// <summary>A new article with its first revision and its tags.</summary>
public sealed record NewArticle(Article Article);

/// <summary>
/// Told of articles written by <see cref="ArticleBulkInsert"/>, inside its transaction, as save interceptors are
/// told of saves (the change log's followers hear of them when it commits).
/// </summary>
public interface IArticleInsertObserver
{
    Task ArticlesInsertedAsync(NewsDbContext db, IReadOnlyList<NewArticle> articles, CancellationToken ct);
}

/// <summary>
/// Inserts new articles (their row, first revision and tag links, and any tag not yet in the database) through
/// prepared commands instead of <c>SaveChanges</c>: on a 100,000-file import EF's change tracking, SQL generation
/// and per-row commands were a third of the single writer's time. Plain SQL that SQLite and PostgreSQL both run
/// (quoted names, <c>RETURNING</c>); the values are bound as EF binds them, so EF reads the rows back unchanged.
/// </summary>
/// <remarks>
/// The context's interceptors that implement <see cref="IArticleInsertObserver"/> hear of the rows: whatever
/// keeps itself in step with this context's saves also sees these inserts, and a context without them (a bare
/// test context) sees neither.
/// </remarks>
public static class ArticleBulkInsert
{
    private const string InsertTag =
        """INSERT INTO "Tags" ("Name", "Slug", "SortKey") VALUES (@name, @slug, @sortKey) RETURNING "Id" """;

    private const string InsertArticle =
        """
        INSERT INTO "Articles" ("Slug", "Title", "Summary", "Body", "PublishedAtUtc", "PublishedTimeKnown", "CreatedAtUtc",
            "UpdatedAtUtc", "Author", "SourceName", "SourceUrl", "Status", "ContentHash", "OriginFile", "EditedSinceImport",
            "StatusBeforeTrash", "Version")
        VALUES (@slug, @title, @summary, @body, @publishedAtUtc, @publishedTimeKnown, @createdAtUtc,
            @updatedAtUtc, @author, @sourceName, @sourceUrl, @status, @contentHash, @originFile, @editedSinceImport,
            @statusBeforeTrash, @version)
        RETURNING "Id"
        """;

    private const string InsertRevision =
        """
        INSERT INTO "Revisions" ("ArticleId", "Number", "SavedAtUtc", "SavedBy", "Reason", "Title", "Slug", "Summary", "Body",
            "PublishedAtUtc", "PublishedTimeKnown", "Author", "SourceName", "SourceUrl", "Status", "Tags")
        VALUES (@articleId, @number, @savedAtUtc, @savedBy, @reason, @title, @slug, @summary, @body,
            @publishedAtUtc, @publishedTimeKnown, @author, @sourceName, @sourceUrl, @status, @tags)
        """;

    /// <summary>
    /// With the article's status and date already copied in (see <see cref="NewsDbContext.ArticleTagStatus"/>): the
    /// database's trigger then leaves the row alone, instead of updating it and its index entry right after the
    /// insert (286,000 such updates in a 100,000-article import).
    /// </summary>
    private const string InsertTagLink =
        """INSERT INTO "ArticleTag" ("ArticlesId", "TagsId", "Status", "PublishedAtUtc") VALUES (@articleId, @tagId, @status, @publishedAtUtc)""";

    /// <summary>
    /// Writes the articles inside the context's current transaction (required: the caller commits or rolls back all
    /// of it) and sets the ids of the articles, their revisions' article ids and of the tags it inserted.
    /// </summary>
    public static async Task InsertAsync(NewsDbContext db, IReadOnlyList<NewArticle> articles, CancellationToken ct)
    {
        if (articles.Count == 0)
        {
            return;
        }
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("ArticleBulkInsert needs a transaction, so that a failed batch leaves nothing behind.");
        var connection = db.Database.GetDbConnection();

        await using (var tag = Command(connection, transaction, InsertTag))
        {
            foreach (var newTag in articles.SelectMany(a => a.Article.Tags).Where(t => t.Id == 0).Distinct())
            {
                Bind(tag, newTag.Name, newTag.Slug, newTag.SortKey);
                newTag.Id = Convert.ToInt32(await tag.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            }
        }

        await using var article = Command(connection, transaction, InsertArticle);
        await using var revision = Command(connection, transaction, InsertRevision);
        await using var link = Command(connection, transaction, InsertTagLink);
        foreach (var a in articles.Select(n => n.Article))
        {
            Bind(article, a.Slug, a.Title, a.Summary, a.Body, a.PublishedAtUtc, a.PublishedTimeKnown, a.CreatedAtUtc,
                a.UpdatedAtUtc, a.Author, a.SourceName, a.SourceUrl, (int)a.Status, a.ContentHash, a.OriginFile, a.EditedSinceImport,
                (int?)a.StatusBeforeTrash, a.Version);
            a.Id = Convert.ToInt32(await article.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            foreach (var r in a.Revisions)
            {
                r.ArticleId = a.Id;
                Bind(revision, r.ArticleId, r.Number, r.SavedAtUtc, r.SavedBy, r.Reason, r.Title, r.Slug, r.Summary, r.Body,
                    r.PublishedAtUtc, r.PublishedTimeKnown, r.Author, r.SourceName, r.SourceUrl, (int)r.Status, r.Tags);
                await revision.ExecuteNonQueryAsync(ct);
            }
            foreach (var t in a.Tags)
            {
                Bind(link, a.Id, t.Id, (int)a.Status, a.PublishedAtUtc);
                await link.ExecuteNonQueryAsync(ct);
            }
        }

        // Each new article is a change readers can see, logged in the same transaction as a save would log it.
        var now = articles.Max(a => a.Article.UpdatedAtUtc);
        await ChangeLog.AppendAsync(db, [.. articles.Select(a => new ChangeLogEntry { ArticleId = a.Article.Id, Kind = ChangeKind.Placement, AtUtc = now })], ct);

        var observers = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<IArticleInsertObserver>() ?? [];
        foreach (var observer in observers)
        {
            await observer.ArticlesInsertedAsync(db, articles, ct);
        }
    }

    /// <summary>One command per statement, prepared once and bound again for every row; parameters by position.</summary>
    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void Bind(DbCommand command, params object?[] values)
    {
        if (command.Parameters.Count == 0)
        {
            foreach (var name in ParameterNames(command.CommandText))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            if (command.Parameters.Count != values.Length)
            {
                throw new InvalidOperationException($"{values.Length} values for {command.Parameters.Count} parameters in: {command.CommandText}");
            }
        }
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    /// <summary>The <c>@name</c> placeholders of the SQL, in order of first appearance.</summary>
    private static IEnumerable<string> ParameterNames(string sql) =>
        System.Text.RegularExpressions.Regex.Matches(sql, "@[A-Za-z]+").Select(m => m.Value).Distinct();
}
