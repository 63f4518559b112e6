using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// The ledger half of <see cref="CheckoutGrant"/> as plain statements on the DbContext's connection and transaction
/// (<see cref="RawSql"/>), as the usage debit's hot path writes: a checkout is granted as often as it is paid, and EF's
/// LINQ, change tracking and SaveChanges were most of a grant's CPU (a profile of P4's pay phase put the grant at 18% of
/// the Storefront's CPU, its SaveChanges of the transaction, entries and lot at 7%). The rules are
/// <see cref="LedgerWriter"/>'s: the purchase claimed by a conditional UPDATE, the issuance wallet debited and the
/// account's wallet credited each by one conditional UPDATE (its floor, its ceiling), a transaction of two entries
/// that sum to zero under the unique key <c>checkout:{sessionId}</c>, and the credits' lot. Each entry and the lot find
/// their transaction's sequence by its id in the INSERT itself.
/// </summary>
internal sealed class CheckoutGrantSql : IDisposable
{
    // The texts come from the model (names, quoting), so they are built once per model, not per grant.
    private static readonly ConcurrentDictionary<IModel, Statements> Built = new();

    private readonly RawSql sql;
    private readonly Statements statements;

    public CheckoutGrantSql(EngineDbContext db)
    {
        sql = new RawSql(db);
        statements = Built.GetOrAdd(db.Model, _ => new Statements(sql));
    }

    /// <summary>Marks the purchase fulfilled if it is still pending; false when another delivery did first.</summary>
    public async Task<bool> ClaimAsync(PurchaseId id, CheckoutStatus session, DateTimeOffset now, CancellationToken ct) =>
        await sql.ExecuteAsync(statements.Claim,
        [
            P("State", PurchaseState.Fulfilled), P("FulfilledAt", now), P("PaymentIntentId", session.PaymentIntentId),
            P("StripeCustomerId", session.CustomerId), P("Id", id), P("State", PurchaseState.Pending),
        ], ct) == 1;

    /// <summary>The account's wallet as it is now (an ownership transfer gives it new wallets at its new owner).</summary>
    public async Task<WalletRef> WalletOfAsync(SubAccountId id, CancellationToken ct)
    {
        await using var reader = await sql.ReadAsync(statements.Account, [sql.Arg<SubAccount>("Id", id)], ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"Sub-account {id} is gone.");
        return new WalletRef(WalletId.From(reader.GetGuid(0)), AgencyId.From(reader.GetGuid(1)), WalletKind.SubAccount);
    }

    /// <summary>
    /// Moves <paramref name="credits"/> from the agency's issuance wallet (which may go negative, to its floor) to the
    /// account's wallet (up to its ceiling), with its lot; the wallet's balance after it, and the transaction. Throws when a guard refuses:
    /// the caller's savepoint rolls the grant back.
    /// </summary>
    public async Task<(long Balance, TransactionId Grant)> TransferAsync(WalletRef issuance, WalletRef wallet, long credits, TransferDetails details, DateTimeOffset now, CancellationToken ct)
    {
        if (credits <= 0 || credits > Credits.Credits.MaxPerOperation)
        {
            throw new ArgumentOutOfRangeException(nameof(credits), credits, "Transfers move between 1 and MaxPerOperation credits.");
        }
        using var activity = EngineTelemetry.Source.StartActivity("ledger transfer");
        activity?.SetTag("resellerkit.ledger.type", TransactionTypes.NameOf(details.Type));
        activity?.SetTag("resellerkit.credits", credits);
        if (await sql.ExecuteAsync(statements.Withdraw, [W("Balance", credits), W("Id", issuance.Id), W("Balance", WalletBounds.Floor(issuance.Kind, credits))], ct) != 1)
        {
            throw new InvalidOperationException($"Issuance wallet {issuance.Id} cannot issue {credits} credits.");
        }
        var transaction = LedgerTransaction.Create(details, credits, now);
        await sql.ExecuteAsync(statements.InsertTransaction, UsageDebitSql.Transaction(sql, transaction), ct);
        await sql.ExecuteAsync(statements.InsertEntries,
        [
            L("Id", transaction.Id), E("WalletId", issuance.Id), E("AgencyId", issuance.AgencyId), E("Amount", -credits),
            E("WalletId", wallet.Id), E("AgencyId", wallet.AgencyId), E("Amount", credits),
        ], ct);
        if (await sql.ExecuteAsync(statements.Deposit, [W("Balance", credits), W("Id", wallet.Id), W("Balance", WalletBounds.Ceiling(credits))], ct) != 1)
        {
            throw new InvalidOperationException($"Wallet {wallet.Id} cannot hold {credits} more credits.");
        }
        await sql.ExecuteAsync(statements.InsertLot,
        [
            L("Id", transaction.Id), Lot("WalletId", wallet.Id), Lot("AgencyId", wallet.AgencyId), Lot("Original", credits),
            Lot("ExpiresAt", details.LotTerms.ExpiresAt), Lot("Promotional", details.LotTerms.Promotional),
        ], ct);
        await using var reader = await sql.ReadAsync(statements.Balance, [W("Id", wallet.Id)], ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), transaction.Id) : throw new InvalidOperationException($"Wallet {wallet.Id} is gone.");
    }

    public void Dispose() => sql.Dispose();

    private Arg P(string property, object? value) => sql.Arg<Purchase>(property, value);

    private Arg W(string property, object? value) => sql.Arg<Wallet>(property, value);

    private Arg L(string property, object? value) => sql.Arg<LedgerTransaction>(property, value);

    private Arg E(string property, object? value) => sql.Arg<LedgerEntry>(property, value);

    private Arg Lot(string property, object? value) => sql.Arg<CreditLot>(property, value);

    /// <summary>The statement texts, in the provider's names and quoting.</summary>
    private sealed class Statements(RawSql sql)
    {
        // @p0 fulfilled, @p1 when, @p2 the payment intent, @p3 the customer, @p4 the purchase, @p5 pending.
        public string Claim { get; } =
            $"UPDATE {sql.Table<Purchase>()} SET {sql.Column<Purchase>("State")} = @p0, {sql.Column<Purchase>("FulfilledAt")} = @p1, {sql.Column<Purchase>("PaymentIntentId")} = @p2, " +
            $"{sql.Column<Purchase>("StripeCustomerId")} = @p3 WHERE {sql.Column<Purchase>("Id")} = @p4 AND {sql.Column<Purchase>("State")} = @p5";

        public string Account { get; } =
            $"SELECT {sql.Column<SubAccount>("WalletId")}, {sql.Column<SubAccount>("AgencyId")} FROM {sql.Table<SubAccount>()} WHERE {sql.Column<SubAccount>("Id")} = @p0";

        // @p0 the credits, @p1 the wallet, @p2 its floor; the deposit's @p2 is its ceiling.
        public string Withdraw { get; } =
            $"UPDATE {sql.Table<Wallet>()} SET {sql.Column<Wallet>("Balance")} = {sql.Column<Wallet>("Balance")} - @p0 WHERE {sql.Column<Wallet>("Id")} = @p1 AND {sql.Column<Wallet>("Balance")} >= @p2";

        public string Deposit { get; } =
            $"UPDATE {sql.Table<Wallet>()} SET {sql.Column<Wallet>("Balance")} = {sql.Column<Wallet>("Balance")} + @p0 WHERE {sql.Column<Wallet>("Id")} = @p1 AND {sql.Column<Wallet>("Balance")} <= @p2";

        public string Balance { get; } = $"SELECT {sql.Column<Wallet>("Balance")} FROM {sql.Table<Wallet>()} WHERE {sql.Column<Wallet>("Id")} = @p0";

        public string InsertTransaction { get; } =
            $"INSERT INTO {sql.Table<LedgerTransaction>()} ({string.Join(", ", UsageDebitSql.TransactionColumns.Select(sql.Column<LedgerTransaction>))}) " +
            $"VALUES ({string.Join(", ", UsageDebitSql.TransactionColumns.Select((_, i) => $"@p{i}"))})";

        // @p0 the transaction's id; then wallet, agency and amount of the source's entry (@p1-@p3) and the destination's (@p4-@p6).
        public string InsertEntries { get; } =
            $"INSERT INTO {sql.Table<LedgerEntry>()} ({sql.Column<LedgerEntry>("TransactionSequence")}, {sql.Column<LedgerEntry>("WalletId")}, {sql.Column<LedgerEntry>("AgencyId")}, {sql.Column<LedgerEntry>("Amount")}) " +
            $"SELECT t.{sql.Column<LedgerTransaction>("Sequence")}, @p1, @p2, @p3 FROM {sql.Table<LedgerTransaction>()} t WHERE t.{sql.Column<LedgerTransaction>("Id")} = @p0 " +
            $"UNION ALL SELECT t.{sql.Column<LedgerTransaction>("Sequence")}, @p4, @p5, @p6 FROM {sql.Table<LedgerTransaction>()} t WHERE t.{sql.Column<LedgerTransaction>("Id")} = @p0";

        // @p0 the transaction's id, @p1 the wallet, @p2 its agency, @p3 the credits (original and remaining), @p4 expiry, @p5 promotional.
        public string InsertLot { get; } =
            $"INSERT INTO {sql.Table<CreditLot>()} ({sql.Column<CreditLot>("WalletId")}, {sql.Column<CreditLot>("AgencyId")}, {sql.Column<CreditLot>("GrantSequence")}, {sql.Column<CreditLot>("Original")}, " +
            $"{sql.Column<CreditLot>("Remaining")}, {sql.Column<CreditLot>("ExpiresAt")}, {sql.Column<CreditLot>("Promotional")}) " +
            $"SELECT @p1, @p2, t.{sql.Column<LedgerTransaction>("Sequence")}, @p3, @p3, @p4, @p5 FROM {sql.Table<LedgerTransaction>()} t WHERE t.{sql.Column<LedgerTransaction>("Id")} = @p0";
    }
}
