using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>Below <see cref="ThresholdCredits"/>, the client and the extra <see cref="Recipients"/> get an email (and the agency a webhook), at most once a day.</summary>
public sealed record LowBalanceAlert(long ThresholdCredits, IReadOnlyList<string> Recipients)
{
    public const int MaxRecipients = 5;

    public static FieldErrors Validate(FieldErrors errors, long? threshold, IReadOnlyList<string?>? recipients) => errors
        .When(threshold is null or < 1 or > Credits.Credits.MaxBalance, "lowBalanceAlert.thresholdCredits", "thresholdCredits must be a whole number of credits from 1 up.")
        .When(recipients is { Count: > MaxRecipients }, "lowBalanceAlert.recipients", $"Give at most {MaxRecipients} extra recipients.")
        .When(recipients is not null && recipients.Any(r => !Input.IsEmail(r)), "lowBalanceAlert.recipients", "Every recipient must be a valid email address.");
}
