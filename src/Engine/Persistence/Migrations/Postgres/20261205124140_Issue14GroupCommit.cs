using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResellerKit.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue14GroupCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerTransactions_AgencyId_IdempotencyKey",
                table: "LedgerTransactions");

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyScope",
                table: "LedgerTransactions",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            // Keys written before keys had scopes: the Engine's own (Stripe sessions, refunds, recharges) are the system's,
            // pool grants and usage the platform's API recorded are the platform's, everything else its agency's.
            migrationBuilder.Sql("""
                UPDATE "LedgerTransactions" AS t SET "IdempotencyScope" = CASE
                    WHEN t."Type" IN ('Purchase', 'Refund', 'Reversal') OR (t."Type" = 'Recharge' AND t."IdempotencyKey" LIKE 'recharge:%') THEN 'system'
                    WHEN t."Type" = 'Grant' AND t."SubAccountId" IS NULL THEN 'platform'
                    WHEN EXISTS (SELECT 1 FROM "IdempotencyRecords" r WHERE r."Scope" = 'platform' AND r."Key" = t."IdempotencyKey")
                     AND NOT EXISTS (SELECT 1 FROM "IdempotencyRecords" r WHERE r."Scope" = 'agency:' || t."AgencyId"::text AND r."Key" = t."IdempotencyKey") THEN 'platform'
                    ELSE 'agency:' || t."AgencyId"::text END
                WHERE t."IdempotencyKey" IS NOT NULL;
                """);

            // The API-key version stamp exists from now on, so a key change only ever updates it (ApiKeyStamp).
            migrationBuilder.InsertData(
                table: "PlatformSettings",
                columns: new[] { "Key", "Value" },
                values: new object[] { "api_keys_stamp", "initial" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTransactions_IdempotencyScope_IdempotencyKey",
                table: "LedgerTransactions",
                columns: new[] { "IdempotencyScope", "IdempotencyKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "PlatformSettings",
                keyColumn: "Key",
                keyValue: "api_keys_stamp");

            migrationBuilder.DropIndex(
                name: "IX_LedgerTransactions_IdempotencyScope_IdempotencyKey",
                table: "LedgerTransactions");

            migrationBuilder.DropColumn(
                name: "IdempotencyScope",
                table: "LedgerTransactions");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTransactions_AgencyId_IdempotencyKey",
                table: "LedgerTransactions",
                columns: new[] { "AgencyId", "IdempotencyKey" },
                unique: true);
        }
    }
}
