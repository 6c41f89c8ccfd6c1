using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using AseanJapanNews.Web.Data.Sqlite;

#nullable disable

namespace AseanJapanNews.Web.Data.Migrations
{
    /// <summary>
    /// Removes the statistics WholeStatistics (or an import's ANALYZE) recorded for the search index's FTS5 shadow
    /// tables. In a new database they say the segment table has two rows, and SQLite then plans FTS5's segment deletes
    /// as scans of the whole table: a 100,000-article import took 327 s instead of 48 s. The importer now leaves those
    /// tables out of its statistics (SqliteDatabase.ForgetShadowTableStatistics); the SQL is repeated here because a
    /// migration must not change when the code does.
    /// SqliteDatabase.MigrateAsync then clears the connection pool, as connections read statistics when they open. No model change, so no target model.
    /// </summary>
    [DbContext(typeof(NewsDbContext))]
    [Migration("20261126090000_ForgetSearchIndexStatistics")]
    public partial class ForgetSearchIndexStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql("""
                    DELETE FROM sqlite_stat1 WHERE EXISTS (
                        SELECT 1 FROM sqlite_schema AS v
                        WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND sqlite_stat1.tbl LIKE v.name || '\_%' ESCAPE '\');
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Statistics are not schema: nothing to undo.
        }
    }
}
