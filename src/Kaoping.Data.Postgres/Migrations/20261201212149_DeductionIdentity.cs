using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaoping.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DeductionIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FindingId",
                table: "SheetAudit",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FindingId",
                table: "SheetAppeals",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FindingId",
                table: "SheetAudit");

            migrationBuilder.DropColumn(
                name: "FindingId",
                table: "SheetAppeals");
        }
    }
}
