using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResellerKit.Engine.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue15Cache : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "StorefrontStamp",
                table: "Agencies",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.InsertData(
                table: "PlatformSettings",
                columns: new[] { "Key", "Value" },
                values: new object[] { "storefront_stamp", "initial" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "PlatformSettings",
                keyColumn: "Key",
                keyValue: "storefront_stamp");

            migrationBuilder.DropColumn(
                name: "StorefrontStamp",
                table: "Agencies");
        }
    }
}
