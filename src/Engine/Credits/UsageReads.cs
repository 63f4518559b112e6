using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Plans;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// The two reads a usage debit starts with, as statements a caller may send with others: the transactions its
/// Idempotency-Keys made before, and its sub-accounts' facts (tenant, features, state and wallets) in one join.
/// </summary>
internal sealed class UsageReads(RawSql sql)
{
    // Built from the model on first use, then kept for the batch's other operations.
    private string? factsSql;

    /// <summary>The transactions earlier debits made with any of <paramref name="keys"/> (not empty) in <paramref name="scope"/>, and what each said.</summary>
    public RawRead FirstUses(string scope, IReadOnlyList<string> keys, Action<string, FirstUse> found)
    {
        var sqlText = $"SELECT {T<LedgerTransaction>("Id")}, {T<LedgerTransaction>("Type")}, {T<LedgerTransaction>("SubAccountId")}, {T<LedgerTransaction>("Credits")}, {T<LedgerTransaction>("IdempotencyKey")}, {T<LedgerTransaction>("RequestHash")}, " +
            $"{T<LedgerTransaction>("Description")}, {T<LedgerTransaction>("CampaignId")}, {T<LedgerTransaction>("ContactId")}, {T<LedgerTransaction>("Metadata")} " +
            $"FROM {sql.Table<LedgerTransaction>()} WHERE {sql.ScopedKeys(T<LedgerTransaction>("IdempotencyScope"), T<LedgerTransaction>("IdempotencyKey"), keys.Count)}";
        return new RawRead(new RawStatement(sqlText, [sql.Arg<LedgerTransaction>("IdempotencyScope", scope), .. keys.Select(k => sql.Arg<LedgerTransaction>("IdempotencyKey", k))]),
            reader => found(reader.GetString(4), new FirstUse(TransactionId.From(reader.GetGuid(0)), Enum.Parse<TransactionType>(reader.GetString(1)),
                reader.IsDBNull(2) ? null : SubAccountId.From(reader.GetGuid(2)), reader.GetInt64(3), Text(reader, 5),
                new UsageContent(Text(reader, 6), Text(reader, 7), Text(reader, 8), Text(reader, 9)))));
    }

    /// <summary>The facts of the sub-accounts <paramref name="ids"/> (not empty); unknown ids find no row.</summary>
    public RawRead Facts(IReadOnlyList<SubAccountId> ids, Action<UsageFacts> found)
    {
        factsSql ??= $"SELECT s.{S("AgencyId")}, s.{S("CreditMode")}, s.{S("Paused")}, s.{S("WalletId")}, s.{S("ConsumedWalletId")}, " +
            $"s.{S("FeaturesOn")}, s.{S("FeaturesOff")}, a.{sql.Column<Agency>("PlatformFeatures")}, a.{sql.Column<Agency>("PoolWalletId")}, " +
            $"p.{sql.Column<Plan>("Features")}, s.{S("LowBalanceThreshold")}, s.{S("AutoRechargeEnabled")}, " +
            $"s.{S("Id")}, s.{S("UsageCapPerMonth")}, s.{S("UsageMonth")}, s.{S("UsageMonthCredits")} " +
            $"FROM {sql.Table<SubAccount>()} s JOIN {sql.Table<Agency>()} a ON a.{sql.Column<Agency>("Id")} = s.{S("AgencyId")} " +
            $"LEFT JOIN {sql.Table<Plan>()} p ON p.{sql.Column<Plan>("Id")} = s.{S("PlanId")} WHERE s.{S("Id")} ";
        return new RawRead(new RawStatement(factsSql + RawSql.In(ids.Count, 0), ids.Select(id => sql.Arg<SubAccount>("Id", id)).ToList()), reader =>
        {
            var mode = Enum.Parse<CreditMode>(reader.GetString(1));
            var features = FeatureSet.Effective((Features)reader.GetInt32(7), reader.IsDBNull(9) ? null : (Features)reader.GetInt32(9),
                (Features)reader.GetInt32(5), (Features)reader.GetInt32(6));
            found(new UsageFacts(SubAccountId.From(reader.GetGuid(12)), AgencyId.From(reader.GetGuid(0)), mode, reader.GetBoolean(2),
                WalletId.From(reader.GetGuid(3)), WalletId.From(reader.GetGuid(4)), WalletId.From(reader.GetGuid(8)), features,
                MayNotify: mode == CreditMode.Reselling && (!reader.IsDBNull(10) || reader.GetBoolean(11)))
            {
                CapPerMonth = reader.IsDBNull(13) ? null : reader.GetInt64(13),
                UsageMonth = reader.GetInt32(14),
                UsageMonthCredits = reader.GetInt64(15),
            });
        });
    }

    private static string? Text(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private string S(string property) => sql.Column<SubAccount>(property);

    private string T<TEntity>(string property) => sql.Column<TEntity>(property);
}
