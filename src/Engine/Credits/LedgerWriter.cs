using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// The only code that moves credits. A transfer is one ledger transaction of two entries that sum to zero; each
/// wallet's balance changes by one conditional UPDATE (<c>balance = balance - n WHERE balance &gt;= n</c>), never by
/// read-then-write, inside the caller's database transaction. On a failure the caller rolls that transaction back.
/// Each transfer is a span (<c>ledger transfer</c>) and, once its transaction commits, one count of
/// <c>resellerkit.ledger.transactions{type}</c>.
/// </summary>
public sealed class LedgerWriter(EngineDbContext db, TimeProvider clock)
{
    public async Task<Result<LedgerTransaction>> TransferAsync(
        WalletRef from, WalletRef to, Credits amount, TransferDetails details, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Ledger writes need an open database transaction.");
        }
        if (!amount.IsPositive || amount.Units > Credits.MaxPerOperation)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Transfers move between 1 and MaxPerOperation credits.");
        }

        using var activity = EngineTelemetry.Source.StartActivity("ledger transfer");
        activity?.SetTag("resellerkit.ledger.type", TransactionTypes.NameOf(details.Type));
        activity?.SetTag("resellerkit.credits", amount.Units);
        var now = details.At ?? clock.GetUtcNow();
        var withdrawn = await WithdrawAsync(from, amount.Units, now, details.FirstFrom, ct);
        if (!withdrawn.IsSuccess)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, withdrawn.Error.Code);
            return withdrawn.Error;
        }

        var transaction = LedgerTransaction.Create(details, to.Kind.TracksLots() ? amount.Units : -amount.Units, now);
        transaction.Entries.Add(LedgerEntry.For(from, -amount.Units));
        transaction.Entries.Add(LedgerEntry.For(to, amount.Units));
        db.LedgerTransactions.Add(transaction);

        var deposited = await DepositAsync(to, amount.Units, transaction, details.LotTerms, ct);
        if (!deposited.IsSuccess)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, deposited.Error!.Code);
            return deposited.Error!;
        }
        LedgerCommits.Written(db, details.Type);
        return transaction;
    }

    /// <summary>
    /// Moves as much as the wallet can give, up to <paramref name="max"/>: refunds and disputes take credits back
    /// "down to zero at most". Returns the transaction, or null when the wallet had nothing to give.
    /// </summary>
    public async Task<Result<LedgerTransaction?>> TransferUpToAsync(
        WalletRef from, WalletRef to, Credits max, TransferDetails details, CancellationToken ct)
    {
        await LockAsync(from.Id, ct);
        var available = await AvailableAsync(from, details.At ?? clock.GetUtcNow(), ct);
        var amount = Math.Min(max.Units, available);
        if (amount <= 0)
        {
            return (LedgerTransaction?)null;
        }
        var posted = await TransferAsync(from, to, new Credits(amount), details, ct);
        return posted.IsSuccess ? posted.Value : posted.Error!;
    }

    /// <summary>
    /// Sends the wallet's expired lots to its agency's expired sink (one <see cref="TransactionType.Expiry"/>), as a debit
    /// does before it spends; returns how many credits left. For code that moves live lots one by one and may have none to
    /// move (<see cref="OwnershipTransfers.MoveSubAccount"/>), so that expired credits never stay behind in a wallet.
    /// </summary>
    public async Task<long> ExpireLotsAsync(WalletRef wallet, DateTimeOffset now, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Ledger writes need an open database transaction.");
        }
        await LockAsync(wallet.Id, ct);
        var expired = (await LiveLots(wallet.Id).ToListAsync(ct)).Where(l => l.ExpiresAt <= now).ToList();
        if (expired.Count == 0)
        {
            return 0;
        }
        var credits = expired.Sum(l => l.Remaining);
        await ExpireAsync(wallet, expired, now, ct);
        return credits;
    }

    /// <summary>A wallet's balance as the open transaction sees it.</summary>
    public Task<long> BalanceAsync(WalletId walletId, CancellationToken ct) =>
        db.Wallets.Where(w => w.Id == walletId).Select(w => w.Balance).SingleAsync(ct);

    private async Task<Result<Done>> WithdrawAsync(WalletRef wallet, long amount, DateTimeOffset now, TransactionId? firstFrom, CancellationToken ct)
    {
        var floor = WalletBounds.Floor(wallet.Kind, amount);
        var updated = await db.Wallets
            .Where(w => w.Id == wallet.Id && w.Balance >= floor)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.Balance, w => w.Balance - amount), ct);
        if (updated == 0)
        {
            return new InsufficientCredits(amount, await AvailableAsync(wallet, now, ct));
        }
        return wallet.Kind.TracksLots() ? await BurnLotsAsync(wallet, amount, now, firstFrom, ct) : Done.Value;
    }

    // Runs after the conditional UPDATE, which holds the wallet's row lock, so the lots read here are current.
    // The lots of the grant named first (if any is still here) go before the others.
    private async Task<Result<Done>> BurnLotsAsync(WalletRef wallet, long amount, DateTimeOffset now, TransactionId? firstFrom, CancellationToken ct)
    {
        var lots = await LiveLots(wallet.Id).ToListAsync(ct);
        var expired = lots.Where(l => l.ExpiresAt <= now).ToList();
        var first = firstFrom is { } grant
            ? await db.LedgerTransactions.Where(t => t.Id == grant).Select(t => (long?)t.Sequence).SingleOrDefaultAsync(ct)
            : null;
        var usable = lots.Except(expired).OrderBy(l => l.GrantSequence == first ? 0 : 1).ThenBy(l => l, LotOrder.Instance).ToList();
        var usableCredits = usable.Sum(l => l.Remaining);
        if (usableCredits < amount)
        {
            return new InsufficientCredits(amount, usableCredits);
        }
        if (expired.Count > 0)
        {
            await ExpireAsync(wallet, expired, now, ct);
        }

        var left = amount;
        foreach (var lot in usable)
        {
            if (left == 0) break;
            var take = Math.Min(left, lot.Remaining);
            await TakeFromLotAsync(lot, take, ct);
            left -= take;
        }
        return Done.Value;
    }

    // Expired lots leave the wallet as their own ledger transaction, into the agency's expired sink.
    private async Task ExpireAsync(WalletRef wallet, List<CreditLot> expired, DateTimeOffset now, CancellationToken ct)
    {
        var credits = expired.Sum(l => l.Remaining);
        await db.Wallets.Where(w => w.Id == wallet.Id && w.Balance >= credits)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.Balance, w => w.Balance - credits), ct);
        foreach (var lot in expired)
        {
            await TakeFromLotAsync(lot, lot.Remaining, ct);
        }

        var sink = await db.Wallets.AsNoTracking()
            .Where(w => w.AgencyId == wallet.AgencyId && w.Kind == WalletKind.Expired)
            .Select(w => new WalletRef(w.Id, w.AgencyId, w.Kind))
            .SingleAsync(ct);
        var subAccountId = await db.Wallets.Where(w => w.Id == wallet.Id).Select(w => w.SubAccountId).SingleAsync(ct);
        var expiry = LedgerTransaction.Create(
            new TransferDetails(wallet.AgencyId, subAccountId, TransactionType.Expiry) { Description = "Credits expired" },
            -credits, now);
        expiry.Entries.Add(LedgerEntry.For(wallet, -credits));
        expiry.Entries.Add(LedgerEntry.For(sink, credits));
        db.LedgerTransactions.Add(expiry);
        await DepositAsync(sink, credits, expiry, LotTerms.Paid, ct);
    }

    private async Task TakeFromLotAsync(CreditLot lot, long take, CancellationToken ct)
    {
        var updated = await db.CreditLots
            .Where(l => l.Id == lot.Id && l.Remaining >= take)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Remaining, l => l.Remaining - take), ct);
        if (updated == 0)
        {
            // The wallet's row lock serialises every writer of its lots, so this is a broken invariant, not a race.
            throw new InvalidOperationException($"Lot {lot.Id} of wallet {lot.WalletId} no longer holds {take} credits.");
        }
    }

    private async Task<Result<Done>> DepositAsync(
        WalletRef wallet, long amount, LedgerTransaction transaction, LotTerms terms, CancellationToken ct)
    {
        var ceiling = WalletBounds.Ceiling(amount);
        var updated = await db.Wallets
            .Where(w => w.Id == wallet.Id && w.Balance <= ceiling)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.Balance, w => w.Balance + amount), ct);
        if (updated == 0)
        {
            return new BalanceLimitReached(Credits.MaxBalance);
        }
        if (wallet.Kind.TracksLots())
        {
            db.CreditLots.Add(CreditLot.For(wallet, transaction, amount, terms));
        }
        return Done.Value;
    }

    private async Task<long> AvailableAsync(WalletRef wallet, DateTimeOffset now, CancellationToken ct)
    {
        if (!wallet.Kind.TracksLots())
        {
            return await db.Wallets.Where(w => w.Id == wallet.Id).Select(w => w.Balance).SingleAsync(ct);
        }
        var lots = await LiveLots(wallet.Id).AsNoTracking().ToListAsync(ct);
        return lots.Where(l => !(l.ExpiresAt <= now)).Sum(l => l.Remaining);
    }

    // Takes the wallet's row lock (a no-op UPDATE), so that what is read next cannot change under us.
    private Task<int> LockAsync(WalletId walletId, CancellationToken ct) =>
        db.Wallets.Where(w => w.Id == walletId).ExecuteUpdateAsync(set => set.SetProperty(w => w.Balance, w => w.Balance), ct);

    private IQueryable<CreditLot> LiveLots(WalletId walletId) =>
        db.CreditLots.AsNoTracking().Where(l => l.WalletId == walletId && l.Remaining > 0);
}
