using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResellerKit.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RechargePaymentIntentIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Recharges_PaymentIntentId",
                table: "Recharges",
                column: "PaymentIntentId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recharges_PaymentIntentId",
                table: "Recharges");
        }
    }
}
