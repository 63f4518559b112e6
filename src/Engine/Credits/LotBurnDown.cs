using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits.GroupCommit;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// A wallet's lots as a usage debit on <see cref="UsageHotPath"/> reads and takes them: burnt down in
/// <see cref="LotOrder"/>, each by a conditional UPDATE. The wallet's row is locked by the debit's UPDATE before, so
/// the lots read here are current (as in <see cref="LedgerWriter"/>).
/// </summary>
internal sealed class LotBurnDown(RawSql sql, UsageDebitSql statements)
{
    /// <summary>Takes <paramref name="amount"/> from the lots; false when a lot has expired (that leaves first, on the general path) or they fall short.</summary>
    public async Task<bool> TakeAsync(WalletId wallet, long amount, DateTimeOffset now, CancellationToken ct)
    {
        var lots = await ReadAsync(wallet, ct);
        if (lots.Any(l => l.ExpiresAt <= now) || lots.Sum(l => l.Remaining) < amount)
        {
            return false; // expired credits leave as their own transaction first: the general path does that
        }
        lots.Sort((x, y) => LotOrder.Compare((x.ExpiresAt, x.Promotional, x.Id), (y.ExpiresAt, y.Promotional, y.Id)));
        var left = amount;
        foreach (var lot in lots)
        {
            if (left == 0) break;
            var take = Math.Min(left, lot.Remaining);
            if (await sql.ExecuteAsync(statements.Take, [sql.Arg<CreditLot>("Remaining", take), sql.Arg<CreditLot>("Id", lot.Id)], ct) != 1)
            {
                return false;
            }
            left -= take;
        }
        return true;
    }

    /// <summary>What the wallet's lots hold that has not expired: the credits a refusal reports as available.</summary>
    public async Task<long> LiveCreditsAsync(WalletId wallet, DateTimeOffset now, CancellationToken ct) =>
        (await ReadAsync(wallet, ct)).Where(l => !(l.ExpiresAt <= now)).Sum(l => l.Remaining);

    private async Task<List<(DateTimeOffset? ExpiresAt, bool Promotional, long Id, long Remaining)>> ReadAsync(WalletId wallet, CancellationToken ct)
    {
        var lots = new List<(DateTimeOffset? ExpiresAt, bool Promotional, long Id, long Remaining)>();
        await using var reader = await sql.ReadAsync(statements.Lots, [sql.Arg<CreditLot>("WalletId", wallet)], ct);
        while (await reader.ReadAsync(ct))
        {
            var expiresAt = reader.IsDBNull(2) ? (DateTimeOffset?)null : sql.Value<DateTimeOffset>(reader, 2, typeof(CreditLot), "ExpiresAt");
            lots.Add((expiresAt, reader.GetBoolean(3), reader.GetInt64(0), reader.GetInt64(1)));
        }
        return lots;
    }
}
