using ResellerKit.Engine.Plans;

namespace ResellerKit.Storefront.Api.Plans;

/// <summary>A feature a plan switches on, as the API names it (<c>api_access</c>).</summary>
public enum PlanFeature
{
    Reselling,
    Widget,
    Campaigns,
    ApiAccess,
    Reports,
}

public sealed record PlanRequest(string? Name, PlanFeature[]? Features)
{
    public Features ToFeatures() => (Features ?? []).Aggregate(Engine.Plans.Features.None, (all, f) => all | PlanResponse.Flag(f));
}

public sealed record PlanResponse(Guid Id, string Name, IReadOnlyList<PlanFeature> Features, DateTimeOffset CreatedAt)
{
    public static PlanResponse From(Plan plan) =>
        new(plan.Id, plan.Name, Enum.GetValues<PlanFeature>().Where(f => plan.Features.HasFlag(Flag(f))).ToList(), plan.CreatedAt);

    public static Features Flag(PlanFeature feature) => Enum.Parse<Features>(feature.ToString());
}
