using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResellerKit.Engine.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RechargeReversals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AmountReversed",
                table: "Recharges",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "CreditsReversed",
                table: "Recharges",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AmountReversed",
                table: "Recharges");

            migrationBuilder.DropColumn(
                name: "CreditsReversed",
                table: "Recharges");
        }
    }
}
