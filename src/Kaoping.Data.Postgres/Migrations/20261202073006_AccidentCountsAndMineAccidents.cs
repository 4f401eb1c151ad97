using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaoping.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AccidentCountsAndMineAccidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AccidentQuota",
                table: "AccidentStatistics",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Accidents",
                table: "AccidentStatistics",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MineFatalAccidents",
                table: "AccidentStatistics",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AccidentQuota",
                table: "AccidentStatistics");

            migrationBuilder.DropColumn(
                name: "Accidents",
                table: "AccidentStatistics");

            migrationBuilder.DropColumn(
                name: "MineFatalAccidents",
                table: "AccidentStatistics");
        }
    }
}
