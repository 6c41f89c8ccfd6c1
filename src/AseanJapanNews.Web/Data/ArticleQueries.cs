using System.Linq.Expressions;
using AseanJapanNews.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Data;

/// <summary>The query vocabulary of the reader side. "Visible to readers" is defined here and only here.</summary>
public static class ArticleQueries
{
    /// <summary>Published and due: what a reader may see at <paramref name="nowUtc"/>.</summary>
    public static IQueryable<Article> VisibleToReaders(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.VisibleToReaders(nowUtc, null, null);

    /// <summary>
    /// What a reader may see at <paramref name="nowUtc"/>, published within the Vietnam calendar days
    /// <paramref name="from"/>..<paramref name="to"/> inclusive (either end may be open).
    /// </summary>
    /// <remarks>
    /// One lower and one upper bound on the date, never two of a kind: given "up to now" and "before the month's
    /// end", SQLite ranged the (Status, PublishedAtUtc) index on the one written first and, for a month years back,
    /// stepped through every newer entry (3.4 ms instead of 0.05 ms for /archive/2020/05).
    /// A date comparison is false for a null date, so no article without one is ever visible.
    /// </remarks>
    public static IQueryable<Article> VisibleToReaders(this IQueryable<Article> articles, DateTime nowUtc, DateOnly? from, DateOnly? to)
    {
        articles = articles.Where(a => a.Status == ArticleStatus.Published);
        if (from is { } first)
        {
            var startUtc = VietnamTime.StartOfDayUtc(first);
            articles = articles.Where(a => a.PublishedAtUtc >= startUtc);
        }
        var endUtc = to is { } last ? VietnamTime.StartOfDayUtc(last.AddDays(1)) : DateTime.MaxValue;
        return endUtc <= nowUtc
            ? articles.Where(a => a.PublishedAtUtc < endUtc)
            : articles.Where(a => a.PublishedAtUtc <= nowUtc);
    }

    /// <summary>
    /// The same rule as one expression, for rows already loaded (compiled once: filtering loaded rows through
    /// <c>AsQueryable().VisibleToReaders()</c> compiled a tree on every call, half of an uncached article page) and for
    /// compiled queries (<see cref="WithReaderRules{T1, T2, TResult}"/>). A test holds it to the rule above.
    /// </summary>
    private static readonly Expression<Func<Article, DateTime, bool>> ArticleVisibleAt =
        (a, nowUtc) => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= nowUtc;

    private static readonly Func<Article, DateTime, bool> ArticleVisibleAtInMemory = ArticleVisibleAt.Compile();

    /// <summary>The rule for a loaded article; inside a compiled query, the rule itself (see <see cref="WithReaderRules{T1, T2, TResult}"/>).</summary>
    public static bool IsVisibleToReaders(this Article article, DateTime nowUtc) => ArticleVisibleAtInMemory(article, nowUtc);

    /// <summary>
    /// The same rule on the article–tag rows, through their copies of the article's status and date
    /// (<see cref="NewsDbContext.ArticleTagStatus"/>): a tag's visible articles without visiting the article table.
    /// A test holds it to the article rule.
    /// </summary>
    private static readonly Expression<Func<Dictionary<string, object>, DateTime, bool>> TagRowVisibleAt =
        (at, nowUtc) => EF.Property<ArticleStatus?>(at, NewsDbContext.ArticleTagStatus) == ArticleStatus.Published
            && EF.Property<DateTime?>(at, NewsDbContext.ArticleTagPublishedAtUtc) <= nowUtc;

    public static IQueryable<Dictionary<string, object>> VisibleToReaders(this IQueryable<Dictionary<string, object>> tagRows, DateTime nowUtc) =>
        tagRows.Where(Bind(TagRowVisibleAt, nowUtc));

    /// <summary>The tag-row rule, inside a compiled query only (<see cref="WithReaderRules{T1, T2, TResult}"/>); like <c>EF.Property</c> it has no meaning in memory.</summary>
    public static bool IsVisibleToReaders(this Dictionary<string, object> tagRow, DateTime nowUtc) =>
        throw new InvalidOperationException("A tag row's visibility is decided in the database, inside a query made by WithReaderRules.");

    /// <summary>
    /// A query for <c>EF.CompileAsyncQuery</c> with its <c>IsVisibleToReaders</c> calls replaced by the rules
    /// themselves. A compiled query skips EF's preparation of the LINQ tree on every call (finding its parameters
    /// and hashing it to find the cached plan: 10-13% of a list page's CPU), but must be written as one lambda, in
    /// which our own query methods cannot be called; this keeps the rule in one place all the same.
    /// </summary>
    public static Expression<Func<NewsDbContext, T1, T2, IQueryable<TResult>>> WithReaderRules<T1, T2, TResult>(
        Expression<Func<NewsDbContext, T1, T2, IQueryable<TResult>>> query) => Inline(query);

    /// <inheritdoc cref="WithReaderRules{T1, T2, TResult}"/>
    public static Expression<Func<NewsDbContext, T1, T2, T3, IQueryable<TResult>>> WithReaderRules<T1, T2, T3, TResult>(
        Expression<Func<NewsDbContext, T1, T2, T3, IQueryable<TResult>>> query) => Inline(query);

    /// <inheritdoc cref="WithReaderRules{T1, T2, TResult}"/>
    public static Expression<Func<NewsDbContext, T1, T2, T3, T4, IQueryable<TResult>>> WithReaderRules<T1, T2, T3, T4, TResult>(
        Expression<Func<NewsDbContext, T1, T2, T3, T4, IQueryable<TResult>>> query) => Inline(query);

    private static Expression<TQuery> Inline<TQuery>(Expression<TQuery> query) => (Expression<TQuery>)new ReaderRuleInliner().Visit(query);

    private sealed class ReaderRuleInliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(ArticleQueries) && node.Method.Name == nameof(IsVisibleToReaders))
            {
                LambdaExpression rule = node.Arguments[0].Type == typeof(Article) ? ArticleVisibleAt : TagRowVisibleAt;
                return new Substitution(rule.Parameters, [Visit(node.Arguments[0]), Visit(node.Arguments[1])]).Visit(rule.Body);
            }
            return base.VisitMethodCall(node);
        }
    }

    private sealed class Substitution(IReadOnlyList<ParameterExpression> parameters, IReadOnlyList<Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i] == node)
                {
                    return values[i];
                }
            }
            return node;
        }
    }

    /// <summary>The rule with its instant fixed (see <see cref="Instant.Of"/>).</summary>
    private static Expression<Func<T, bool>> Bind<T>(Expression<Func<T, DateTime, bool>> rule, DateTime nowUtc) =>
        Expression.Lambda<Func<T, bool>>(new Substitution([rule.Parameters[1]], [Instant.Of(nowUtc)]).Visit(rule.Body), rule.Parameters[0]);

    private sealed class Instant(DateTime value)
    {
        public readonly DateTime Value = value;

        /// <summary>An instant held in a field, so EF sends it as a parameter (one cached plan for every instant).</summary>
        public static MemberExpression Of(DateTime utc) => Expression.Field(Expression.Constant(new Instant(utc)), nameof(Value));
    }

    /// <summary>
    /// Scheduled: published, with a date still to come (readers see it from that instant). One expression for the
    /// admin list's filter and for loaded values (a row's state, what a save did), so the two cannot drift apart.
    /// </summary>
    private static readonly Expression<Func<ArticleStatus, DateTime?, DateTime, bool>> ScheduledAt =
        (status, publishedAtUtc, nowUtc) => status == ArticleStatus.Published && publishedAtUtc > nowUtc;

    private static readonly Func<ArticleStatus, DateTime?, DateTime, bool> ScheduledAtInMemory = ScheduledAt.Compile();

    /// <summary>Whether an article with this status and date is scheduled at <paramref name="nowUtc"/>.</summary>
    public static bool IsScheduled(ArticleStatus status, DateTime? publishedAtUtc, DateTime nowUtc) =>
        ScheduledAtInMemory(status, publishedAtUtc, nowUtc);

    /// <inheritdoc cref="IsScheduled(ArticleStatus, DateTime?, DateTime)"/>
    public static bool IsScheduled(this Article article, DateTime nowUtc) => IsScheduled(article.Status, article.PublishedAtUtc, nowUtc);

    /// <summary>The articles scheduled at <paramref name="nowUtc"/>.</summary>
    public static IQueryable<Article> Scheduled(this IQueryable<Article> articles, DateTime nowUtc)
    {
        var article = Expression.Parameter(typeof(Article), "a");
        var rule = new Substitution(ScheduledAt.Parameters, [
            Expression.Property(article, nameof(Article.Status)),
            Expression.Property(article, nameof(Article.PublishedAtUtc)),
            Instant.Of(nowUtc),
        ]).Visit(ScheduledAt.Body);
        return articles.Where(Expression.Lambda<Func<Article, bool>>(rule, article));
    }

    /// <summary>The rows of the article–tag join table (a shared-type entity: each row is a dictionary).</summary>
    public static IQueryable<Dictionary<string, object>> ArticleTagRows(this NewsDbContext db) =>
        db.Set<Dictionary<string, object>>(NewsDbContext.ArticleTag);

    /// <summary>The articles visible to readers that carry the tag, newest first (as <see cref="NewestFirst"/>): one index range.</summary>
    public static IQueryable<TaggedArticle> NewestWithTag(this IQueryable<Dictionary<string, object>> tagRows, int tagId, DateTime nowUtc) =>
        tagRows.VisibleToReaders(nowUtc)
            .Where(at => EF.Property<int>(at, "TagsId") == tagId)
            .OrderByDescending(at => EF.Property<DateTime?>(at, NewsDbContext.ArticleTagPublishedAtUtc))
            .ThenByDescending(at => EF.Property<int>(at, "ArticlesId"))
            .Select(at => new TaggedArticle
            {
                ArticleId = EF.Property<int>(at, "ArticlesId"),
                PublishedAtUtc = EF.Property<DateTime?>(at, NewsDbContext.ArticleTagPublishedAtUtc)!.Value,
            });

    public static IQueryable<Article> NewestFirst(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id);

    /// <summary>Articles carrying every one of <paramref name="tagSlugs"/>.</summary>
    public static IQueryable<Article> WithAllTags(this IQueryable<Article> articles, IEnumerable<string> tagSlugs)
    {
        foreach (var slug in tagSlugs.Distinct())
        {
            articles = articles.Where(a => a.Tags.Any(t => t.Slug == slug));
        }
        return articles;
    }

    /// <summary>The tags of each article, in Vietnamese order: one flat join for a whole page of articles.</summary>
    /// <remarks>
    /// Not a nested <c>a.Tags.Select(...)</c> projection: EF turns that into a LEFT JOIN on a joined subquery,
    /// which SQLite cannot flatten and materializes over the whole join table (370 ms at 100,000 articles).
    /// Reader lists go through <see cref="TagDirectory"/> instead, which reads only the join table and names the tags
    /// from its memoized index; search results, which have no directory at hand, come here.
    /// </remarks>
    public static async Task<Dictionary<int, List<TagLink>>> TagLinksAsync(this NewsDbContext db, IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        if (articleIds.Count == 0)
        {
            return [];
        }
        var rows = await db.Articles.AsNoTracking()
            .Where(a => articleIds.Contains(a.Id))
            .SelectMany(a => a.Tags, (a, t) => new { a.Id, t.Name, t.Slug, t.SortKey })
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.Id)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.SortKey, StringComparer.Ordinal).Select(r => new TagLink(r.Name, r.Slug)).ToList());
    }
}

/// <summary>An article carrying a tag, as the tag's rows know it.</summary>
public sealed class TaggedArticle
{
    public int ArticleId { get; init; }
    public DateTime PublishedAtUtc { get; init; }
}
