using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResellerKit.Engine.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue13TrustBoundaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Agencies_CustomDomain",
                table: "Agencies");

            migrationBuilder.AddColumn<string>(
                name: "CustomDomainToken",
                table: "Agencies",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedDomain",
                table: "Agencies",
                type: "nvarchar(253)",
                maxLength: 253,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_VerifiedDomain",
                table: "Agencies",
                column: "VerifiedDomain",
                unique: true,
                filter: "[VerifiedDomain] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Agencies_VerifiedDomain",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "CustomDomainToken",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "VerifiedDomain",
                table: "Agencies");

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_CustomDomain",
                table: "Agencies",
                column: "CustomDomain",
                unique: true,
                filter: "[CustomDomain] IS NOT NULL");
        }
    }
}
