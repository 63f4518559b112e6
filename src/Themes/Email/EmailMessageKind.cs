namespace ResellerKit.Themes.Email;

/// <summary>The emails ResellerKit sends; each has a built-in template <c>email/&lt;kebab-name&gt;.liquid</c> an agency may override.</summary>
public enum EmailMessageKind
{
    SubAccountCredentials,
    ConnectionRequest,
    ConnectionAccepted,
    ConnectionRevoked,
    ContractTerminated,
    PasswordReset,
    MagicLink,
    PurchaseReceipt,
    Refund,
    LowBalance,
    RechargeNeedsAuthentication,
    AutoRechargePaused,
    AssistSessionNotice,
    AgencyInvite,
    OwnershipTransfer,
    OwnershipOffer,
    ApiKeyReplaced,
}
