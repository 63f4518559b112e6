using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Plans;

public sealed record FeatureOff(Features Feature) : Error("forbidden")
{
    public override string Detail =>
        $"The {FeatureSet.Label(Feature)} feature is off for this sub-account. Its agency can switch it on in the sub-account's plan.";
}
