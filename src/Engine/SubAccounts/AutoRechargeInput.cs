using System.Text.Json.Serialization;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Recharges;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>The <c>autoRecharge</c> object of a PATCH, as sent; <see cref="Validate"/> names each bad field.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)] // A misspelt field is refused, as in the PATCH around it.
public sealed record AutoRechargeInput(
    bool? Enabled, RechargeProvider? Provider, long? ThresholdCredits, long? TargetCredits, long? MonthlySpendCap = null, int? MaxPerDay = null)
{
    public FieldErrors Validate(FieldErrors errors) =>
        AutoRechargeSettings.Validate(errors, Enabled, Provider, ThresholdCredits, TargetCredits, MonthlySpendCap, MaxPerDay);

    public AutoRechargeSettings ToSettings() =>
        new(Enabled!.Value, Provider!.Value, ThresholdCredits!.Value, TargetCredits!.Value, MonthlySpendCap, MaxPerDay);
}
