using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaoping.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RubricArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "Rubrics",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArchivedBy",
                table: "Rubrics",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Rubrics");

            migrationBuilder.DropColumn(
                name: "ArchivedBy",
                table: "Rubrics");
        }
    }
}
