using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaoping.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SheetNotApplicable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SheetNotApplicable",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SheetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MarkedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    MarkedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SheetNotApplicable", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SheetNotApplicable_Sheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "Sheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SheetNotApplicable_SheetId_ItemKey",
                table: "SheetNotApplicable",
                columns: new[] { "SheetId", "ItemKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SheetNotApplicable");
        }
    }
}
