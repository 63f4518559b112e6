using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Pricing;

/// <summary>
/// Every refusal of one pack at once: its fields, a name already on sale, a currency the platform does not sell in, a
/// price below the floor. Adding and editing answer the first (the API's one code per answer); the back office shows
/// them all, each under its field.
/// </summary>
public sealed class CheckPack(EngineDbContext db, MinimumPrices minimums)
{
    /// <summary>The refusals of <paramref name="command"/>, none when it may be saved; <paramref name="except"/> is the pack being edited.</summary>
    public async Task<IReadOnlyList<Error>> HandleAsync(AgencyId agencyId, PackCommand command, PackId? except, CancellationToken ct)
    {
        var problems = new List<Error>();
        var fields = command.Validate().Error as ValidationFailed;
        if (fields is not null)
        {
            problems.Add(fields);
        }
        var invalid = fields?.Errors.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        if (!invalid.Contains("name") && await PackNames.TakenAsync(db, agencyId, command.Name!, except, ct) is { } taken)
        {
            problems.Add(taken);
        }
        if (!invalid.Overlaps(["credits", "unitAmount", "currency"])
            && (await minimums.CheckAsync(command.Currency!, command.Credits!.Value, command.UnitAmount!.Value, ct)).Error is { } floor)
        {
            problems.Add(floor);
        }
        return problems;
    }
}
