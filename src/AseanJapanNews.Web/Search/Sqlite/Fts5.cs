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
    /// <para>
    /// With <paramref name="limit"/>, only that many matches are considered at all: a common word matches thousands
    /// of articles, and sending them all on every request took tens of milliseconds. <c>Matched</c> is how many were
    /// considered (at most the limit), so callers can tell a capped result set.
    /// </para>
    /// <para>
    /// The exact matches are ranked first among all matches, as their own MATCH, then the others: at 100,000
    /// articles "đồng" is in 793 articles and its folded "dong" in 26,859, and taking the best 1,001 by bm25 first
    /// kept only 35 of the 793. The second MATCH runs only when the first leaves room under the limit. Marked
    /// columns weigh nothing, so bm25 scores the same in either. Adjacency is a flag on the considered rows only: as
    /// its own MATCH it took four ranked scans of the same words (42 ms of SQL for "Đông Nam" instead of 18), and
    /// unlike exact diacritics it is a refinement of ours, not an order readers were promised.
    /// </para>
    /// </remarks>
    public static (string Sql, object[] Parameters) Search(SearchTerms terms, int? limit = null)
    {
        var parameters = new List<object>();
        string Parameter(object value)
        {
            parameters.Add(value);
            return "{" + (parameters.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
        }
        var limited = limit is { } n ? " LIMIT " + Parameter(n) : "";
        string Ranked(string match, int exact) =>
            "SELECT * FROM (SELECT rowid AS ArticleId, " + Bm25 + " AS Rank, " + exact.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            " AS Exact FROM ArticleSearch WHERE ArticleSearch MATCH " + Parameter(match) + (limited.Length > 0 ? " ORDER BY Rank" + limited : "") + ")";

        var folded = Folded(terms);
        var considered = terms.HasDiacritics
            ? Ranked($"({folded}) AND ({Marked(terms)})", 1) + " UNION ALL " + Ranked($"({folded}) NOT ({Marked(terms)})", 0) + limited
            : Ranked(folded, 0);
        var adjacent = terms.Terms.Count > 1
            ? "CASE WHEN ArticleId IN (SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH " +
                Parameter($"{FoldedColumns} : {Phrase(terms.Terms.SelectMany(t => t.FoldedWords).ToList())}") + ") THEN 1 ELSE 0 END"
            : "0";
        var sql = "SELECT ArticleId, Rank, Exact, " + adjacent + " AS Adjacent, count(*) OVER () AS Matched FROM (" + considered + ")";
        return (sql, parameters.ToArray());
    }

    /// <summary>Prepared once per update and bound by name (<see cref="DeleteParameters"/>).</summary>
    public const string DeleteSql = "DELETE FROM ArticleSearch WHERE rowid = $id";

    public static readonly string[] DeleteParameters = ["$id"];

    /// <summary>Prepared once per update and bound by name, in the order of <see cref="InsertParameters"/>.</summary>
    public const string InsertSql =
        "INSERT INTO ArticleSearch (rowid, title, tags, summary, body, title_marked, tags_marked, summary_marked, body_marked) " +
        "VALUES ($id, $title, $tags, $summary, $body, $title_marked, $tags_marked, $summary_marked, $body_marked)";

    public static readonly string[] InsertParameters =
        ["$id", "$title", "$tags", "$summary", "$body", "$title_marked", "$tags_marked", "$summary_marked", "$body_marked"];

    /// <summary>Empties the index: a backup leaves it out, and the next start refills it (<see cref="MissingSql"/>).</summary>
    public const string ClearSql = "INSERT INTO ArticleSearch(ArticleSearch) VALUES('delete-all')";

    public const string MissingSql = "SELECT Id AS Value FROM Articles WHERE Id NOT IN (SELECT rowid FROM ArticleSearch)";

    /// <summary>All terms (AND) in the folded columns.</summary>
    public static string Folded(SearchTerms terms) =>
        $"{FoldedColumns} : ({string.Join(" AND ", terms.Terms.Select(t => Phrase(t.FoldedWords)))})";

    /// <summary>All terms (AND), exactly as typed, in the marked columns.</summary>
    public static string Marked(SearchTerms terms) =>
        $"{MarkedColumns} : ({string.Join(" AND ", terms.Terms.Select(t => Phrase(t.Words)))})";

    private static string Phrase(IReadOnlyList<string> words) => Literal(string.Join(' ', words));

    /// <summary>An FTS5 string: double quotes around, inner double quotes doubled.</summary>
    public static string Literal(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
