using System.Text.Json.Serialization;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>The <c>lowBalanceAlert</c> object of a PATCH, as sent.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)] // A misspelt field is refused, as in the PATCH around it.
public sealed record LowBalanceAlertInput(long? ThresholdCredits, IReadOnlyList<string?>? Recipients = null)
{
    public FieldErrors Validate(FieldErrors errors) => LowBalanceAlert.Validate(errors, ThresholdCredits, Recipients);

    public LowBalanceAlert ToAlert() => new(ThresholdCredits!.Value, Recipients?.Select(r => Input.NormalizeEmail(r!)).Distinct().ToList() ?? []);
}
