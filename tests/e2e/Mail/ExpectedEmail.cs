namespace ResellerKit.Tests.E2e.Mail;

/// <summary>
/// An email a trigger must produce: its kind, its recipient, how many times (exactly), and whose footer it ends
/// with (<see cref="FooterName"/>; plus the agency's own footer text when <see cref="AgencyFooter"/> is set).
/// </summary>
public sealed record ExpectedEmail(string Kind, string To, int Count, string FooterName, bool AgencyFooter);
