using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// The statements of one usage debit on <see cref="UsageHotPath"/>, built from the model on first use: the monthly
/// cap and the balance each by one conditional UPDATE, the lots read and taken, the transaction and its two entries
/// inserted, the consumed sink credited up to its ceiling.
/// </summary>
internal sealed class UsageDebitSql(RawSql sql)
{
    /// <summary>The columns of a usage transaction, in the order the INSERTs bind them.</summary>
    public static readonly string[] TransactionColumns =
        ["Id", "AgencyId", "SubAccountId", "Type", "Credits", "Description", "Reference", "IdempotencyScope", "IdempotencyKey", "RequestHash", "CampaignId", "ContactId", "Metadata", "CreatedAt"];

    /// <summary>A usage debit's transaction, bound in the order of <see cref="TransactionColumns"/>.</summary>
    public static Arg[] UsageTransaction(RawSql sql, TransactionId id, UsageFacts facts, UsageEvent usage, string scope, long credits, DateTimeOffset at)
    {
        var command = usage.Command;
        return Transaction(sql, id, facts.AgencyId, facts.Id, TransactionType.Usage, -credits, command.Description, null, usage.Key is null ? null : scope,
            usage.Key, usage.Key is null ? null : usage.RequestHash, command.CampaignId, command.ContactId, command.MetadataJson, at);
    }

    /// <summary>Any transaction, bound in the order of <see cref="TransactionColumns"/>.</summary>
    public static Arg[] Transaction(RawSql sql, LedgerTransaction t) =>
        Transaction(sql, t.Id, t.AgencyId, t.SubAccountId, t.Type, t.Credits, t.Description, t.Reference, t.IdempotencyScope, t.IdempotencyKey,
            t.RequestHash, t.CampaignId, t.ContactId, t.Metadata, t.CreatedAt);

    private static Arg[] Transaction(
        RawSql sql, TransactionId id, AgencyId agency, SubAccountId? subAccount, TransactionType type, long credits, string? description, string? reference,
        string? scope, string? key, string? requestHash, string? campaign, string? contact, string? metadata, DateTimeOffset at)
    {
        Arg L(string property, object? value) => sql.Arg<LedgerTransaction>(property, value);
        return
        [
            L("Id", id), L("AgencyId", agency), L("SubAccountId", subAccount), L("Type", type), L("Credits", credits), L("Description", description),
            L("Reference", reference), L("IdempotencyScope", scope), L("IdempotencyKey", key), L("RequestHash", requestHash), L("CampaignId", campaign),
            L("ContactId", contact), L("Metadata", metadata), L("CreatedAt", at),
        ];
    }

    private string? cap, withdraw, lots, take, insertTransaction, insertEntries, deposit;

    public string Cap => cap ??=
        $"UPDATE {sql.Table<SubAccount>()} SET {S("UsageMonthCredits")} = CASE WHEN {S("UsageMonth")} = @p0 THEN {S("UsageMonthCredits")} + @p1 ELSE @p1 END, " +
        $"{S("UsageMonth")} = @p0 WHERE {S("Id")} = @p2 AND {S("Paused")} = @p3 AND {S("CreditMode")} = @p4 AND ({S("CreditMode")} = @p5 " +
        $"OR {S("UsageCapPerMonth")} IS NULL OR (CASE WHEN {S("UsageMonth")} = @p0 THEN {S("UsageMonthCredits")} ELSE 0 END) + @p1 <= {S("UsageCapPerMonth")})";

    public string Withdraw => withdraw ??=
        $"UPDATE {sql.Table<Wallet>()} SET {T<Wallet>("Balance")} = {T<Wallet>("Balance")} - @p0 WHERE {T<Wallet>("Id")} = @p1 AND {T<Wallet>("Balance")} >= @p0";

    public string Deposit => deposit ??=
        $"UPDATE {sql.Table<Wallet>()} SET {T<Wallet>("Balance")} = {T<Wallet>("Balance")} + @p0 WHERE {T<Wallet>("Id")} = @p1 AND {T<Wallet>("Balance")} <= @p2";

    public string Lots => lots ??=
        $"SELECT {T<CreditLot>("Id")}, {T<CreditLot>("Remaining")}, {T<CreditLot>("ExpiresAt")}, {T<CreditLot>("Promotional")} " +
        $"FROM {sql.Table<CreditLot>()} WHERE {T<CreditLot>("WalletId")} = @p0 AND {T<CreditLot>("Remaining")} > 0";

    public string Take => take ??=
        $"UPDATE {sql.Table<CreditLot>()} SET {T<CreditLot>("Remaining")} = {T<CreditLot>("Remaining")} - @p0 WHERE {T<CreditLot>("Id")} = @p1 AND {T<CreditLot>("Remaining")} >= @p0";

    public string InsertTransaction => insertTransaction ??=
        $"INSERT INTO {sql.Table<LedgerTransaction>()} ({string.Join(", ", TransactionColumns.Select(c => T<LedgerTransaction>(c)))}) " +
        $"VALUES ({string.Join(", ", TransactionColumns.Select((_, i) => $"@p{i}"))})";

    // Both entries take the sequence of the transaction just inserted, found by its id (a unique index).
    public string InsertEntries => insertEntries ??=
        $"INSERT INTO {sql.Table<LedgerEntry>()} ({T<LedgerEntry>("TransactionSequence")}, {T<LedgerEntry>("WalletId")}, {T<LedgerEntry>("AgencyId")}, {T<LedgerEntry>("Amount")}) " +
        $"SELECT t.{T<LedgerTransaction>("Sequence")}, @p1, @p3, @p4 FROM {sql.Table<LedgerTransaction>()} t WHERE t.{T<LedgerTransaction>("Id")} = @p0 " +
        $"UNION ALL SELECT t.{T<LedgerTransaction>("Sequence")}, @p2, @p3, @p5 FROM {sql.Table<LedgerTransaction>()} t WHERE t.{T<LedgerTransaction>("Id")} = @p0";

    private string S(string property) => sql.Column<SubAccount>(property);

    private string T<TEntity>(string property) => sql.Column<TEntity>(property);
}
