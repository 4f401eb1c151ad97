using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kaoping.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Workflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SheetRemarks_SheetId_ItemKey",
                table: "SheetRemarks");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SelfAssessedAt",
                table: "Sheets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Side",
                table: "SheetRemarks",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Team");

            migrationBuilder.AddColumn<string>(
                name: "Side",
                table: "SheetFindings",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Team");

            migrationBuilder.AddColumn<DateOnly>(
                name: "AppealDue",
                table: "Campaigns",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewDue",
                table: "Campaigns",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SheetAppeals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SheetId = table.Column<int>(type: "integer", nullable: false),
                    ItemKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Decision = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ScoreBefore = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    ScoreAfter = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SheetAppeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SheetAppeals_Sheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "Sheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SheetAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SheetId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ItemKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Before = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    After = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Why = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SheetAudit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SheetAudit_Sheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "Sheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SheetEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SheetId = table.Column<int>(type: "integer", nullable: false),
                    ItemKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Side = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SheetEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SheetEvidence_Sheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "Sheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SheetRemarks_SheetId_Side_ItemKey",
                table: "SheetRemarks",
                columns: new[] { "SheetId", "Side", "ItemKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SheetAppeals_SheetId_ItemKey",
                table: "SheetAppeals",
                columns: new[] { "SheetId", "ItemKey" });

            migrationBuilder.CreateIndex(
                name: "IX_SheetAudit_SheetId",
                table: "SheetAudit",
                column: "SheetId");

            migrationBuilder.CreateIndex(
                name: "IX_SheetEvidence_SheetId_ItemKey",
                table: "SheetEvidence",
                columns: new[] { "SheetId", "ItemKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SheetAppeals");

            migrationBuilder.DropTable(
                name: "SheetAudit");

            migrationBuilder.DropTable(
                name: "SheetEvidence");

            migrationBuilder.DropIndex(
                name: "IX_SheetRemarks_SheetId_Side_ItemKey",
                table: "SheetRemarks");

            migrationBuilder.DropColumn(
                name: "SelfAssessedAt",
                table: "Sheets");

            migrationBuilder.DropColumn(
                name: "Side",
                table: "SheetRemarks");

            migrationBuilder.DropColumn(
                name: "Side",
                table: "SheetFindings");

            migrationBuilder.DropColumn(
                name: "AppealDue",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ReviewDue",
                table: "Campaigns");

            migrationBuilder.CreateIndex(
                name: "IX_SheetRemarks_SheetId_ItemKey",
                table: "SheetRemarks",
                columns: new[] { "SheetId", "ItemKey" },
                unique: true);
        }
    }
}
