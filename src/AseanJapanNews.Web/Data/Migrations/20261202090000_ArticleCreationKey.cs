using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AseanJapanNews.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleCreationKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreationKey",
                table: "Articles",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CreationKey",
                table: "Articles",
                column: "CreationKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_CreationKey",
                table: "Articles");

            // The database drops the column itself (SQLite 3.35 and later, PostgreSQL); EF's DropColumn would rebuild
            // the table on SQLite, which its triggers prevent.
            migrationBuilder.Sql("ALTER TABLE Articles DROP COLUMN CreationKey;");
        }
    }
}
