namespace ResellerKit.Widget.Data;

/// <summary>
/// The signed-in client's own account. <see cref="BalanceText"/> is null in shared mode: a client never sees the
/// agency's pool, only its own usage.
/// </summary>
public sealed record AccountView(
    string Name, bool Reselling, long? Balance, string? BalanceText, string UsedThisMonthText, string? CapText,
    IReadOnlyList<UsageLine> RecentUsage);
