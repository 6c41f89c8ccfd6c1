using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AseanJapanNews.Web.Data.Migrations
{
    /// <summary>
    /// Articles say when their text was last revised apart from when their row was last written: an import wrote
    /// every launch article's row today, and dateModified, feeds and sitemaps told readers a 2020 article changed today.
    /// </summary>
    public partial class ArticlesRevisedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RevisedAtUtc",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            // Revised: what an editor made, and what was saved again after its first import (by an editor or a
            // changed file). An article as first imported was not.
            migrationBuilder.Sql("UPDATE Articles SET RevisedAtUtc = UpdatedAtUtc WHERE OriginFile IS NULL OR Version > 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The database drops the column itself (SQLite 3.35 and later, PostgreSQL); EF's DropColumn would rebuild
            // the table on SQLite, which its triggers prevent.
            migrationBuilder.Sql("ALTER TABLE Articles DROP COLUMN RevisedAtUtc;");
        }
    }
}
