using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResellerKit.Engine.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue17CampaignVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SyncedVersion",
                table: "Campaigns",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TemplateId",
                table: "Campaigns",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TemplateVersion",
                table: "Campaigns",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Campaigns",
                type: "int",
                nullable: false,
                defaultValue: 1); // campaigns from before versions were kept are at version 1

            migrationBuilder.CreateTable(
                name: "CampaignVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Change = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignVersions_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_TemplateId",
                table: "Campaigns",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignVersions_CampaignId_Version",
                table: "CampaignVersions",
                columns: new[] { "CampaignId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignVersions");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_TemplateId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "SyncedVersion",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "TemplateId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "TemplateVersion",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Campaigns");
        }
    }
}
