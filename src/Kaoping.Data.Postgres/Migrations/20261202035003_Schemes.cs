using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kaoping.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Schemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SchemeId",
                table: "Campaigns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TargetId",
                table: "CampaignAudit",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccidentStatistics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    Deaths = table.Column<int>(type: "integer", nullable: false),
                    Injuries = table.Column<int>(type: "integer", nullable: false),
                    Serious = table.Column<int>(type: "integer", nullable: false),
                    Major = table.Column<int>(type: "integer", nullable: false),
                    EspeciallyMajor = table.Column<int>(type: "integer", nullable: false),
                    DeathQuota = table.Column<int>(type: "integer", nullable: false),
                    Concealed = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccidentStatistics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccidentStatistics_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AccidentStatistics_Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultAdjustments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Clause = table.Column<int>(type: "integer", nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultAdjustments_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResultAdjustments_Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Schemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    SheetPart = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SheetRubricId = table.Column<int>(type: "integer", nullable: false),
                    AccidentPart = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Schemes_Rubrics_SheetRubricId",
                        column: x => x.SheetRubricId,
                        principalTable: "Rubrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_SchemeId",
                table: "Campaigns",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_AccidentStatistics_CampaignId_TargetId",
                table: "AccidentStatistics",
                columns: new[] { "CampaignId", "TargetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccidentStatistics_TargetId",
                table: "AccidentStatistics",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultAdjustments_CampaignId_TargetId",
                table: "ResultAdjustments",
                columns: new[] { "CampaignId", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultAdjustments_TargetId",
                table: "ResultAdjustments",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_Schemes_SheetRubricId",
                table: "Schemes",
                column: "SheetRubricId");

            migrationBuilder.AddForeignKey(
                name: "FK_Campaigns_Schemes_SchemeId",
                table: "Campaigns",
                column: "SchemeId",
                principalTable: "Schemes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Campaigns_Schemes_SchemeId",
                table: "Campaigns");

            migrationBuilder.DropTable(
                name: "AccidentStatistics");

            migrationBuilder.DropTable(
                name: "ResultAdjustments");

            migrationBuilder.DropTable(
                name: "Schemes");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_SchemeId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "SchemeId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "TargetId",
                table: "CampaignAudit");
        }
    }
}
