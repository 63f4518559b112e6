using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResellerKit.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerEntriesWithoutWalletIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_WalletId",
                table: "LedgerEntries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_WalletId",
                table: "LedgerEntries",
                column: "WalletId");
        }
    }
}
