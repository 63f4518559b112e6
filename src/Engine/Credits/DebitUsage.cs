using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// Records credits a sub-account spent, through the node's ledger writer (<see cref="LedgerQueue"/>): the debit is
/// applied by <see cref="ApplyUsage"/> in the next group commit, and this returns once that commit is durable.
/// A key applied before in the caller's scope returns its first transaction (<see cref="Debited.Replayed"/>); the same
/// key for another debit is refused with <see cref="IdempotencyKeyReused"/>.
/// </summary>
public sealed class DebitUsage(LedgerQueue queue, ScopeDbContext callerDb, IServiceProvider services)
{
    public async Task<Result<Debited>> HandleAsync(
        Tenant tenant, SubAccountId id, UsageCommand command, string? idempotencyKey, CancellationToken ct)
    {
        var errors = command.Validate();
        if (errors.Any)
        {
            return Refused(errors.ToError());
        }
        var usage = new UsageEvent(idempotencyKey, id, command);
        var debited = ToDebited(await queue.RunAsync(callerDb.Current, services, new UsageOperation<UsageResult>(tenant, usage, null,
            result => (result, null), _ => throw new InvalidOperationException("A debit without a key has no record."),
            (scope, token) => Apply(scope, tenant, usage, token)), ct));
        return debited.IsSuccess ? debited : Refused(debited.Error);
    }

    /// <summary>
    /// The same, for a request that carried an idempotency key. A debit applied keeps the request's hash on its own
    /// transaction, which is the key's record (<see cref="LedgerTransaction.RequestHash"/>): a retry with the same body
    /// is answered from it, as <paramref name="render"/> (the caller's wire format) rendered the first answer, and another
    /// body is refused. A refusal has no transaction: its reply is stored as the key's record, in the same transaction.
    /// </summary>
    public async Task<Keyed<Result<Debited>>> HandleAsync(
        Tenant tenant, SubAccountId id, UsageCommand command, KeyedRequest request, Func<Result<Debited>, StoredReply> render, CancellationToken ct)
    {
        var usage = new UsageEvent(request.Key, id, command, request.RequestHash);
        var keyed = await queue.RunAsync(callerDb.Current, services, new UsageOperation<Keyed<Result<Debited>>>(tenant, usage, request,
            result =>
            {
                var debited = ToDebited(result);
                var reply = render(debited);
                return (Keyed<Result<Debited>>.Fresh(debited, reply), IdempotentRequests.Kept(debited, reply, Keep));
            },
            seen => IdempotentRequests.Replayed<Result<Debited>>(request, seen),
            (scope, token) => scope.GetRequiredService<IdempotentRequests>().RunAsync(
                request, async t => ToDebited(await Apply(scope, tenant, usage, t)), render, token, keep: Keep)), ct);
        if (!keyed.Replayed && keyed.Value is { IsSuccess: false } refused) Refused(refused.Error!);
        return keyed;
    }

    // Only a refusal stores a reply: a debit's transaction is its own record, and a debit refused because its key was
    // spent by another request (a batch event, another body) must leave that request's own retries to replay.
    private static bool Keep(Result<Debited> debited) => !debited.IsSuccess && debited.Error is not IdempotencyKeyReused;

    private static Task<UsageResult> Apply(IServiceProvider scope, Tenant tenant, UsageEvent usage, CancellationToken ct) =>
        scope.GetRequiredService<ApplyUsage>().ApplyAsync(tenant, usage, ct);

    private static Result<Debited> ToDebited(UsageResult result) => result.Status switch
    {
        UsageStatus.Refused => result.Error!,
        _ => new Debited(result.TransactionId!.Value, result.Credits, result.Status == UsageStatus.Duplicate),
    };

    // Every refused debit is counted by its code (resellerkit.usage.refusals), so an operator sees caps and overdrafts:
    // once, when its caller is answered after the commit (a set-wise group that falls back decides its debits twice).
    private static Error Refused(Error error)
    {
        EngineTelemetry.UsageRefusals.Add(1, new KeyValuePair<string, object?>("code", error.Code));
        return error;
    }
}
