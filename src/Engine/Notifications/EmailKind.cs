namespace ResellerKit.Engine.Notifications;

/// <summary>The emails ResellerKit sends. The names match the theme engine's templates one to one.</summary>
public enum EmailKind
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
