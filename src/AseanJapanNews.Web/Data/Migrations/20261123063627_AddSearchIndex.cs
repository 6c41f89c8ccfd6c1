using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AseanJapanNews.Web.Data.Migrations
{
    /// <summary>
    /// The SQLite FTS5 search table (see Search/Sqlite/SqliteSearchIndex). Not part of the EF model: it is filled
    /// by the search index on SaveChanges and backfilled at startup, so a PostgreSQL migration set simply has its own.
    /// </summary>
    public partial class AddSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return;
            }
            // Folded columns (matched) and the same text with diacritics (ranking exact matches first);
            // remove_diacritics 0 because folding is ours: unicode61 neither folds đ nor most Vietnamese vowels.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ArticleSearch USING fts5(
                    title, tags, summary, body,
                    title_marked, tags_marked, summary_marked, body_marked,
                    tokenize = 'unicode61 remove_diacritics 0'
                );
                """);
            // Also catches deletes that bypass SaveChanges (ExecuteDelete, raw SQL).
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_AfterArticleDelete AFTER DELETE ON Articles
                BEGIN
                    DELETE FROM ArticleSearch WHERE rowid = old.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return;
            }
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArticleSearch_AfterArticleDelete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearch;");
        }
    }
}
