using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AseanJapanNews.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EditorSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EditorSessions",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EditorId = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Ticket = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EditorSessions", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EditorSessions_ExpiresAtUtc",
                table: "EditorSessions",
                column: "ExpiresAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EditorSessions");
        }
    }
}
