using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Recharges;

/// <summary>A concurrent grant closed the recharge first; this one rolls back and answers with the first grant.</summary>
internal sealed record RechargeAlreadyGranted(RechargeId RechargeId) : Error("conflict")
{
    public override string Detail => $"Recharge {RechargeId} was granted already.";
}
