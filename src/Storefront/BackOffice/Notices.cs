using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Connections;
using ResellerKit.Engine.OwnershipTransfers;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Team;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// Messages shown after a redirect, carried as a code in the query string. Only these texts can appear, so a link
/// cannot put words of its own on a back-office page.
/// </summary>
public static class Notices
{
    private static readonly Dictionary<string, (string Text, bool Error)> Messages = new(StringComparer.Ordinal)
    {
        ["accepted"] = ("Connection accepted. The agency can now work in your account with the role you chose.", false),
        ["declined"] = ("Connection declined. The agency has no access.", false),
        ["role-changed"] = ("The agency's role is changed.", false),
        ["revoked"] = ("The agency's access is revoked.", false),
        ["terminated"] = ("The contract is terminated; both sides were emailed.", false),
        ["request-sent"] = ("Connection request sent. The client answers from the email or its dashboard.", false),
        ["expired"] = (new ConnectionRequestExpired().Detail, true),
        ["already-answered"] = ("This connection request was already answered; it can be answered once.", true),
        ["already-revoked"] = (new ConnectionNotActive(ConnectionStatus.Revoked).Detail, true),
        ["already-terminated"] = (new ConnectionNotActive(ConnectionStatus.Terminated).Detail, true),
        ["not-active"] = ("This connection is not active.", true),
        ["not-found"] = ("That no longer exists, or is not yours.", true),
        ["saved"] = ("Saved.", false),
        ["discount-range"] = (ManageAgencies.DiscountRange + " Nothing was changed.", true),
        ["removed"] = ("Removed.", false),
        ["pack-archived"] = ("Pack archived. Clients no longer see it or can buy it; purchases already made keep their credits.", false),
        ["assist-reason"] = ("Say why you are assisting, in 5 to 500 characters; the client will read it in its access log.", true),
        ["assist-denied"] = ("You cannot assist this account: your role or the client's settings do not allow it.", true),
        ["last-owner"] = (new LastOwner().Detail, true),
        ["owners-only"] = (new OwnersOnly().Detail, true),
        ["managers-only"] = (new ManagersOnly().Detail, true),
        ["plan-name"] = ("Give the plan a name of 1 to 80 characters.", true),
        ["plan-duplicate"] = ("You already have a plan with that name.", true),
        ["plan-exceeds"] = ("A plan cannot include features the platform does not grant your agency.", true),
        ["campaign-copied"] = ("Campaign copied. The copy is independent: changing one never changes the other.", false),
        ["campaign-linked"] = ("Linked copy made. It follows the original: open the original to push its new versions to its copies.", false),
        ["transfer-sent"] = ("Transfer sent. The client is emailed a link to accept; it works once, for 7 days.", false),
        ["transfer-cancelled"] = ("Transfer cancelled. The emailed link no longer works.", false),
        ["transfer-pending"] = ("A transfer of this account is already waiting for an answer. Cancel it first to send a new one.", true),
        ["transfer-not-pending"] = ("No transfer of this account is waiting for an answer.", true),
        ["transfer-blocked"] = ("This account cannot change hands right now: it owes credits from a refund, an automatic top-up is under way, or its owner already has an account of their own.", true),
        ["already-client-owned"] = (new AlreadyClientOwned().Detail, true),
        ["paused-account"] = ("This account is paused. Resume it before it changes hands.", true),
        ["ownership-accepted"] = ("The account is yours now, with every credit it held. The agency stays connected as an admin; change or revoke that below.", false),
        ["ownership-accepted-two-step-off"] = ("The account is yours now, with every credit it held. The agency stays connected as an admin; change or revoke that below. " +
            "Two-step sign-in was turned off, since the agency may have set it up with its own app: your new password alone signs you in. " +
            "To turn it on again with your own authenticator app, open Change password at the top of the page, then Set up two-step sign-in.", false),
        ["ownership-offered"] = ("Offer sent. The agency owns the account once it accepts, within 7 days.", false),
        ["offer-withdrawn"] = ("Offer withdrawn. The agency can no longer take over this account.", false),
        ["ownership-taken"] = ("The account is now owned by your agency, with every credit it held.", false),
        ["transfer-closed"] = ("This transfer is no longer open: it was accepted, cancelled or has expired.", true),
        ["campaigns-off"] = ("That sub-account's plan has Campaigns switched off, so it cannot receive campaigns.", true),
    };

    public static (string Text, bool Error)? For(string? code) => code is not null && Messages.TryGetValue(code, out var m) ? m : null;

    /// <summary>The code for a failed use case, so the page can say what went wrong.</summary>
    public static string CodeFor(Error error) => error switch
    {
        ConnectionRequestExpired => "expired",
        ConnectionAlreadyAnswered => "already-answered",
        ConnectionNotActive { Status: ConnectionStatus.Revoked } => "already-revoked",
        ConnectionNotActive { Status: ConnectionStatus.Terminated } => "already-terminated",
        ConnectionNotActive => "not-active",
        TransferAlreadyPending => "transfer-pending",
        TransferNeedsSettling => "transfer-blocked",
        AlreadyClientOwned => "already-client-owned",
        AccountPaused => "paused-account",
        TransferLinkUsed or TransferExpired or TransferAlreadyAnswered => "transfer-closed",
        NotFound { Resource: "pending ownership transfer" } => "transfer-not-pending",
        LastOwner => "last-owner",
        OwnersOnly => "owners-only",
        ManagersOnly => "managers-only",
        _ => "not-found",
    };
}
