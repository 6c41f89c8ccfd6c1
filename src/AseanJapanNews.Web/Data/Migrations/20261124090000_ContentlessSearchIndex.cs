using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AseanJapanNews.Web.Data.Migrations
{
    /// <summary>
    /// The FTS5 search table without its own copy of the text (<c>content=''</c>): every article's title, tags,
    /// sapo and body are already in Articles, and the copy, twice over, was over a quarter of the database and of the
    /// import's writes. <c>contentless_delete=1</c> (SQLite 3.43+) keeps DELETE by rowid working, which the
    /// index and the Articles delete trigger rely on. Rebuilding leaves the table empty; start-up indexes every
    /// article that has no row (ISearchIndex.IndexMissingAsync). No model change, so no target model.
    /// </summary>
    [DbContext(typeof(NewsDbContext))]
    [Migration("20261124090000_ContentlessSearchIndex")]
    public partial class ContentlessSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            Rebuild(migrationBuilder, "content = '', contentless_delete = 1,");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            Rebuild(migrationBuilder, "");

        /// <summary>The table of AddSearchIndex (same columns, same tokenizer) with <paramref name="options"/>, empty.</summary>
        private static void Rebuild(MigrationBuilder migrationBuilder, string options)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return;
            }
            migrationBuilder.Sql("DROP TABLE ArticleSearch;");
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE ArticleSearch USING fts5(
                    title, tags, summary, body,
                    title_marked, tags_marked, summary_marked, body_marked,
                    {options}
                    tokenize = 'unicode61 remove_diacritics 0'
                );
                """);
        }
    }
}
