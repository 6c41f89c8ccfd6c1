namespace AseanJapanNews.Web.Search.Sqlite;

/// <summary>
/// Builds FTS5 MATCH expressions. Every word the reader typed becomes an FTS5 string literal, so no FTS5
/// syntax (operators, column filters, prefixes, NEAR, parentheses) from user input ever reaches MATCH.
/// </summary>
internal static class Fts5
{
    /// <summary>Folded columns, searched by every query; bm25 weights follow the column order.</summary>
    public const string FoldedColumns = "{title tags summary body}";

    /// <summary>The same text with its diacritics, consulted only to rank exact-diacritic matches first.</summary>
    public const string MarkedColumns = "{title_marked tags_marked summary_marked body_marked}";

    /// <summary>Titles weigh most, then tags, then the sapo, then the body; the marked columns never score.</summary>
    public const string Bm25 = "bm25(ArticleSearch, 10.0, 6.0, 3.0, 1.0, 0.0, 0.0, 0.0, 0.0)";

    /// <summary>The same weights on the marked columns, for "more like this", where the words come with their diacritics.</summary>
    public const string Bm25Marked = "bm25(ArticleSearch, 0.0, 0.0, 0.0, 0.0, 10.0, 6.0, 3.0, 1.0)";

    /// <summary>
    /// The search: every article matching all terms (folded), with two tiers that rank before bm25.
    /// Exact: the terms also match as typed, diacritics included (only when the reader typed any).
    /// Adjacent: the words of a several-word query stand together, in order (a Vietnamese word is often two
    /// or three syllables: "Hà Nội" next to each other says more than "hà" and "nội" far apart).
    /// The SQL text is made of constants only; every user-derived value is a parameter.
    /// </summary>
    /// <remarks>
    /// With <paramref name="limit"/>, only that many matches, best by bm25, are considered at all (the tiers re-rank
    /// those): a common word matches thousands of articles, and ranking them all on every request took tens of
    /// milliseconds. <c>Matched</c> is how many matches were considered (at most the limit), so callers can tell a
    /// capped result set.
    /// </remarks>
    public static (string Sql, object[] Parameters) Search(SearchTerms terms, int? limit = null)
    {
        var parameters = new List<object> { Folded(terms) };
        string Tier(string? match)
        {
            if (match is null)
            {
                return "0";
            }
            parameters.Add(match);
            return "CASE WHEN ArticleId IN (SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH {" +
                (parameters.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}) THEN 1 ELSE 0 END";
        }
        var limited = "";
        if (limit is { } n)
        {
            parameters.Add(n);
            limited = " ORDER BY Rank LIMIT {" + (parameters.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
        }
        var exact = Tier(terms.HasDiacritics ? Marked(terms) : null);
        var adjacent = Tier(terms.Terms.Count > 1 ? $"{FoldedColumns} : {Phrase(terms.Terms.SelectMany(t => t.FoldedWords).ToList())}" : null);
        var sql = "SELECT ArticleId, Rank, " + exact + " AS Exact, " + adjacent + " AS Adjacent, count(*) OVER () AS Matched FROM (" +
            "SELECT rowid AS ArticleId, " + Bm25 + " AS Rank FROM ArticleSearch WHERE ArticleSearch MATCH {0}" + limited + ")";
        return (sql, parameters.ToArray());
    }

    /// <summary>Matches of {0} (marked columns) ranked on those columns, for "more like this".</summary>
    public const string SimilarSql =
        "SELECT rowid AS ArticleId, " + Bm25Marked + " AS Rank, 0 AS Exact, 0 AS Adjacent, 0 AS Matched FROM ArticleSearch WHERE ArticleSearch MATCH {0}";

    /// <summary>Prepared once per update and bound by name (<see cref="DeleteParameters"/>).</summary>
    public const string DeleteSql = "DELETE FROM ArticleSearch WHERE rowid = $id";

    public static readonly string[] DeleteParameters = ["$id"];

    /// <summary>Prepared once per update and bound by name, in the order of <see cref="InsertParameters"/>.</summary>
    public const string InsertSql =
        "INSERT INTO ArticleSearch (rowid, title, tags, summary, body, title_marked, tags_marked, summary_marked, body_marked) " +
        "VALUES ($id, $title, $tags, $summary, $body, $title_marked, $tags_marked, $summary_marked, $body_marked)";

    public static readonly string[] InsertParameters =
        ["$id", "$title", "$tags", "$summary", "$body", "$title_marked", "$tags_marked", "$summary_marked", "$body_marked"];

    public const string MissingSql = "SELECT Id AS Value FROM Articles WHERE Id NOT IN (SELECT rowid FROM ArticleSearch)";

    /// <summary>All terms (AND) in the folded columns.</summary>
    public static string Folded(SearchTerms terms) =>
        $"{FoldedColumns} : ({string.Join(" AND ", terms.Terms.Select(t => Phrase(t.FoldedWords)))})";

    /// <summary>All terms (AND), exactly as typed, in the marked columns.</summary>
    public static string Marked(SearchTerms terms) =>
        $"{MarkedColumns} : ({string.Join(" AND ", terms.Terms.Select(t => Phrase(t.Words)))})";

    /// <summary>
    /// Any of the words (OR), as written, in the marked titles: "more like this". Not the bodies (common words are
    /// in nearly every body) nor the tags (a top topic is on a third of all articles): ranking that many matches
    /// took seconds per article page at 100,000 articles. Shared tags are ranked by RelatedArticles itself.
    /// </summary>
    public static string AnyOf(IEnumerable<string> markedWords) =>
        $"{{title_marked}} : ({string.Join(" OR ", markedWords.Select(w => Literal(w)))})";

    private static string Phrase(IReadOnlyList<string> words) => Literal(string.Join(' ', words));

    /// <summary>An FTS5 string: double quotes around, inner double quotes doubled.</summary>
    public static string Literal(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
