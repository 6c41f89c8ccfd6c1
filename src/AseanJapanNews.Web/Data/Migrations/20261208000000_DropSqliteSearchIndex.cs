using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AseanJapanNews.Web.Data.Migrations
{
    /// <summary>
    /// Search moved to a Lucene.NET index beside the database (Search/Lucene), which follows the change log: the FTS5
    /// table and its delete trigger go. Going down makes them again, empty (the FTS5 build of that time filled it at start-up).
    /// No model change, so no target model.
    /// </summary>
    [DbContext(typeof(NewsDbContext))]
    [Migration("20261208000000_DropSqliteSearchIndex")]
    public partial class DropSqliteSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArticleSearch_AfterArticleDelete;");
                migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearch;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return;
            }
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ArticleSearch USING fts5(
                    title, tags, summary, body,
                    title_marked, tags_marked, summary_marked, body_marked,
                    content = '', contentless_delete = 1,
                    tokenize = 'unicode61 remove_diacritics 0'
                );
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_AfterArticleDelete AFTER DELETE ON Articles
                BEGIN
                    DELETE FROM ArticleSearch WHERE rowid = old.Id;
                END;
                """);
        }
    }
}
