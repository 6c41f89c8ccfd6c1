using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AseanJapanNews.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReaderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleTag_TagsId",
                table: "ArticleTag");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTag_TagsId_ArticlesId",
                table: "ArticleTag",
                columns: new[] { "TagsId", "ArticlesId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleTag_TagsId_ArticlesId",
                table: "ArticleTag");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTag_TagsId",
                table: "ArticleTag",
                column: "TagsId");
        }
    }
}
