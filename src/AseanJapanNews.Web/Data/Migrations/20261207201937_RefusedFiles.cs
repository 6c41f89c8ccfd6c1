using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AseanJapanNews.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RefusedFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RefusedFiles",
                columns: table => new
                {
                    Path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReaderVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RefusedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefusedFiles", x => x.Path);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RefusedFiles");
        }
    }
}
