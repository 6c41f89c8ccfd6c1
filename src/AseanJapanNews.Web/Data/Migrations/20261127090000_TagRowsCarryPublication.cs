using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AseanJapanNews.Web.Data.Migrations
{
    /// <summary>
    /// Each article–tag row carries its article's status and publication date, so a tag's newest visible articles
    /// are read from one index range (TagsId, Status, PublishedAtUtc, ArticlesId). Before, a tag page walked the
    /// date index and probed the tag's key for every article until it had a page of them (a third of an uncached
    /// tag page's CPU at 100,000 articles), or read and sorted all of a tag's articles on deep pages.
    /// The copies are kept by SQLite triggers, so that every writer keeps them (EF saves, the importer's bulk
    /// insert, any raw SQL): a new row takes them from its article, and a change to an article's status or date is
    /// copied to all its rows in the same statement. A writer may insert a row with the copies already in it (the
    /// importer's bulk insert does): EF inserts them as null, and only such a row is filled by the trigger.
    /// The old (TagsId, ArticlesId) index goes: the new one starts with TagsId and ends with ArticlesId, and the key
    /// (ArticlesId, TagsId) answers "does this article carry it".
    /// </summary>
    public partial class TagRowsCarryPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                throw new NotSupportedException("TagRowsCarryPublication writes SQLite triggers; another database needs its own migration set.");
            }

            migrationBuilder.DropIndex(
                name: "IX_ArticleTag_TagsId_ArticlesId",
                table: "ArticleTag");

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "ArticleTag",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "ArticleTag",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE ArticleTag SET (Status, PublishedAtUtc) =
                    (SELECT a.Status, a.PublishedAtUtc FROM Articles AS a WHERE a.Id = ArticleTag.ArticlesId);
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleTag_AfterInsert_CopyPublication AFTER INSERT ON ArticleTag
                WHEN new.Status IS NULL
                BEGIN
                    UPDATE ArticleTag SET (Status, PublishedAtUtc) =
                        (SELECT a.Status, a.PublishedAtUtc FROM Articles AS a WHERE a.Id = new.ArticlesId)
                    WHERE ArticlesId = new.ArticlesId AND TagsId = new.TagsId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Articles_AfterPublicationChange_CopyToTags AFTER UPDATE OF Status, PublishedAtUtc ON Articles
                WHEN old.Status IS NOT new.Status OR old.PublishedAtUtc IS NOT new.PublishedAtUtc
                BEGIN
                    UPDATE ArticleTag SET Status = new.Status, PublishedAtUtc = new.PublishedAtUtc WHERE ArticlesId = new.Id;
                END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTag_TagsId_Status_PublishedAtUtc_ArticlesId",
                table: "ArticleTag",
                columns: new[] { "TagsId", "Status", "PublishedAtUtc", "ArticlesId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArticleTag_AfterInsert_CopyPublication;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Articles_AfterPublicationChange_CopyToTags;");
            migrationBuilder.DropIndex(
                name: "IX_ArticleTag_TagsId_Status_PublishedAtUtc_ArticlesId",
                table: "ArticleTag");

            // SQLite drops a column itself (3.35 and later); EF's own DropColumn would rebuild the table, which it
            // refuses to do for this one.
            migrationBuilder.Sql("ALTER TABLE ArticleTag DROP COLUMN PublishedAtUtc;");
            migrationBuilder.Sql("ALTER TABLE ArticleTag DROP COLUMN Status;");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTag_TagsId_ArticlesId",
                table: "ArticleTag",
                columns: new[] { "TagsId", "ArticlesId" });
        }
    }
}
