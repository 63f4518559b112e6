using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResellerKit.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AutoRechargePauseCause : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AutoRechargePauseCause",
                table: "SubAccounts",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Pauses already in force, told apart by the reason they were recorded with (RechargeOutcomes, ReversePayment).
            migrationBuilder.Sql("UPDATE \"SubAccounts\" SET \"AutoRechargePauseCause\" = 'Failures' " +
                "WHERE \"AutoRechargePausedAt\" IS NOT NULL AND \"AutoRechargePauseReason\" LIKE '% automatic payments in a row failed%'");
            migrationBuilder.Sql("UPDATE \"SubAccounts\" SET \"AutoRechargePauseCause\" = 'Dispute' " +
                "WHERE \"AutoRechargePausedAt\" IS NOT NULL AND \"AutoRechargePauseCause\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AutoRechargePauseCause",
                table: "SubAccounts");
        }
    }
}
