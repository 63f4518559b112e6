namespace ResellerKit.Themes.Views;

/// <summary>
/// The data of one email. Common fields are always set; the others are set by the kinds that use them (see
/// <see cref="Email.EmailMessageKind"/>) and are null otherwise. In Liquid the root variables are the snake_cased
/// members: <c>shop</c>, <c>recipient_name</c>, <c>action_url</c>, <c>amount</c> and so on.
/// </summary>
/// <param name="Shop">The agency that sends the email (its name, locale and currency).</param>
/// <param name="Footer">The branded footer; the renderer appends it, templates cannot print or drop it.</param>
/// <param name="ActionUrl">The one link the message is about: sign-in, reset, magic link, accept, invite, authenticate payment.
/// Null in templates of kinds that carry a credential: there the system inserts the link itself (see <paramref name="Credential"/>).</param>
/// <param name="ExpiresAt">When <see cref="ActionUrl"/> or a session stops working.</param>
/// <param name="Password">SubAccountCredentials only: the initial password, shown once. Never visible to a template.</param>
/// <param name="OtherParty">ConnectionRequest/Accepted/Revoked, ContractTerminated, AssistSessionNotice: the other agency or person.</param>
/// <param name="UnsubscribeUrl">The link for non-transactional kinds; the footer shows it only for them.</param>
/// <param name="Credential">Kinds that carry a credential (reset, magic link, invitations, first password): print
/// <c>{{ credential }}</c> once, as text, where the system's button, link and password belong. It is a placeholder;
/// the real values never pass through the template.</param>
/// <param name="DebtRepaid">PurchaseReceipt: how many of the credits repaid what the account owed from an earlier refund.</param>
public sealed record EmailView(
    AgencyBrandView Shop,
    FooterView Footer,
    string RecipientName,
    string RecipientEmail,
    string? ActionUrl = null,
    DateTimeOffset? ExpiresAt = null,
    string? Password = null,
    string? OtherParty = null,
    string? Reason = null,
    string? PackName = null,
    long? Credits = null,
    long? Balance = null,
    long? Threshold = null,
    MoneyView? Amount = null,
    string? Reference = null,
    string? UnsubscribeUrl = null,
    string? Credential = null,
    long? DebtRepaid = null);
