namespace ResellerKit.Tests.E2e.BackOffice;

/// <summary>Every back-office form the walk meets, with a valid and an invalid submission. A form without one fails the walk.</summary>
public static class FormProbes
{
    private static Dictionary<string, string> Fields(params (string Selector, string Value)[] fields) =>
        fields.ToDictionary(f => f.Selector, f => f.Value, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, FormProbe> All { get; } = new FormProbe[]
    {
        // The agency owner
        new("branding", Invalid: Fields(("#b-color", "orange"))),
        new("verify-domain", Outcome: FormOutcome.Words),
        new("onboard", Skip: "leaves for Stripe's onboarding (the Connect journey tests walk it)"),
        new("create-pack", Fields(("#pk-name", "Walk pack {n}"), ("#pk-credits", "500"), ("#pk-price", "15.00")), Fields(("#pk-credits", "0"))),
        new("edit-pack", Invalid: Fields(("#ed-price", "abc"))),
        new("custom-quantity", Invalid: Fields(("#cq-min", "-5"))),
        new("post /admin/packs/{id}/archive"),
        new("create-sub-account", Fields(("#name", "Walk client {n}"), ("#email", "walk-client-{n}@example.com")), Fields(("#email", "not-an-email"))),
        new("sub-account-reports"),
        new("post /admin/sub-accounts/{id}/assist", Fields(("input[name=reason]", "Walk: checking the monthly report")), Fields(("input[name=reason]", "x")), ThenClick: "Return to agency"),
        new("sub-account-settings", Invalid: Fields(("#s-cap", "-3"))),
        new("sub-account-plan"),
        new("sub-account-grant", Fields(("#g-credits", "10"), ("#g-reason", "Walk goodwill")), Fields(("#g-credits", "0"))),
        new("auto-recharge", Fields(("#ar-threshold", "100"), ("#ar-target", "500")), Fields(("#ar-threshold", "-1"))),
        new("low-balance-alert", Invalid: Fields(("#lb-threshold", "100"), ("#lb-recipients", "not-an-email"))),
        new("invite", Fields(("#t-name", "Walk Invitee"), ("#t-email", "walk-invitee-{n}@example.com")), Fields(("#t-email", "alex@nowhere"))),
        new("post /admin/team/{id}", Outcome: FormOutcome.Words),
        new("post /admin/team/{id}/remove", Skip: "removes a member the walk signs in as (TeamRolesJourneyTests and the team tests remove members)"),
        new("save-file", Invalid: Fields(("textarea", "{% if %}"))),
        new("revert-file"),
        new("theme-settings"),
        new("base-theme"),
        new("post /admin/theme/rollback/{n}"),
        new("widget-origins", Fields(("input[id^='origin-']", "https://walk{n}.example.com")), Fields(("input[id^='origin-']", "javascript:alert(1)"))),
        new("remove-origin", Skip: "its buttons sit in the origins list, outside the form (the allowed-origins tests press them)"),
        new("get /admin/widget", Invalid: Fields(("#accent", "red; background: url(x)"))),
        new("preview-as", Outcome: FormOutcome.Words),
        // No name resolves here, so a well-formed endpoint is refused in words (the webhook tests save real ones on loopback).
        new("webhook-endpoint", Fields(("#wh-url", "https://hooks{n}.example.com/resellerkit")), Fields(("#wh-url", "not a url")), FormOutcome.Words),
        new("rotate-secret"),
        new("redeliver", Skip: "its buttons sit in the delivery log, outside the form (the webhook tests press them)"),
        new("get /admin/webhooks"),
        new("create-campaign", Fields(("#c-name", "Walk campaign {n}")), Fields(("#c-settings", "{not json"))),
        new("post /admin/campaigns/{id}/copy", Outcome: FormOutcome.Words),
        new("push-campaign"),
        new("force-push-campaign", Fields(("input[name='Force.Confirm']", "true")), Fields(("input[name='Force.Confirm']", "false"))),
        new("rollback-campaign"),
        new("post /admin/plans/save", Fields(("input[name=name]", "Walk plan {n}")), Fields(("input[name=name]", " "))),
        new("request-connection", Outcome: FormOutcome.Words, Invalid: Fields(("#c-email", "nobody"))),
        new("post /admin/connections/{id}/terminate", Skip: "ends the contract the client's pages show (the connection tests terminate contracts)"),
        new("get /admin/sub-accounts"),
        new("post /admin/sub-accounts/{id}/ownership-transfer", Skip: "hands the walk's client to itself (OwnershipTransferTests and OwnershipJourneyTests send transfers)"),
        new("post /admin/sub-accounts/{id}/ownership-transfer/cancel", Skip: "shown only while a transfer waits (OwnershipTransferTests cancel one)"),
        new("post /admin/ownership-offers/{id}/accept", Skip: "takes over a client's own account (OwnershipOfferTests accept an offer)"),
        new("allow-origin", Skip: "its buttons sit in the list of refused sites, outside the form (RefusedOriginsTests press them)"),
        new("publish-draft", Outcome: FormOutcome.Words),
        new("discard-draft", Outcome: FormOutcome.Words),
        new("get /admin/transactions", Invalid: Fields(("input[name=from]", "2026-12-31"), ("input[name=to]", "2026-01-01"))),

        // Everyone signed in. Changing the password or turning on two-step sign-in for real would end the walk's other
        // sessions, so the "valid" submissions here are refused in words (a wrong current password, a code without the app).
        new("change-password", Fields(("#current-password", "not-the-password-{n}"), ("#new-password", "Walk-New-Pass-2026"), ("#confirm-password", "Walk-New-Pass-2026")),
            Fields(("#current-password", "not-the-password-{n}"), ("#new-password", "short"), ("#confirm-password", "short")), FormOutcome.Words),
        new("two-factor-enable", Fields(("#enable-code", "000000")), Fields(("#enable-code", "abc")), FormOutcome.Words),
        new("two-factor-disable", Skip: "shown only once two-step sign-in is on (TwoFactorTests turn it off)"),
        new("two-factor-recovery-codes", Skip: "shown only once two-step sign-in is on (TwoFactorTests make new codes)"),
        new("login-code", Skip: "shown only after a password step of an account with two-step sign-in (TwoFactorTests)"),
        new("login-recovery", Skip: "shown only after a password step of an account with two-step sign-in (TwoFactorTests)"),

        // The platform admin
        new("create-agency", Fields(("#a-name", "Walk Agency {n}"), ("#a-slug", "walk-{n}"), ("#a-owner", "walk-owner-{n}@example.com")), Fields(("#a-slug", "Not A Slug!"))),
        new("post /admin/platform/agencies/{id}", Invalid: Fields(("input[name=discountPercent]", "150"))),
        new("post /admin/platform/agencies/{id}/suspend", Skip: "suspends the agency the walk works in (the platform tests suspend agencies)"),
        new("set-floor", Fields(("#f-currency", "eur"), ("#f-min", "0.005")), Fields(("#f-min", "-1"))),
        new("two-factor-required"),
        new("create-client", Fields(("#cl-name", "Walk Cafe {n}"), ("#cl-email", "walk-cafe-{n}@example.com")), Fields(("#cl-email", "cafe"))),

        // Clients
        new("client-details", Invalid: Fields(("#account-name", " "))),
        new("post /admin/connections/{id}/role", Outcome: FormOutcome.Words),
        new("post /admin/connections/{id}/revoke", Skip: "takes the agency's access away (the connection tests revoke it)"),
        new("post /admin/connections/answer", Outcome: FormOutcome.Words),
        new("post /admin/ownership/accept", Skip: "moves the account to its client (OwnershipJourneyTests accepts from the emailed link)"),
        new("post /admin/connections/{id}/offer-ownership", Skip: "offers the client's account to an agency (OwnershipOfferTests offer and accept)"),
        new("post /admin/ownership-offer/withdraw", Skip: "shown only while the client's offer waits (OwnershipOfferTests withdraw one)"),

        // Nobody signed in
        new("login", Fields(("#email", "owner@brightside.example"), ("#password", "{owner-password}")), Fields(("#email", "owner@brightside.example"), ("#password", "wrong-password-{n}"))),
        new("forgot", Fields(("#email", "walk-forgot-{n}@example.com")), Fields(("#email", "nope")), FormOutcome.Words),
        new("set-password", Fields(("#password", "Walk-Member-Pass-2026")), Fields(("#password", "short")), FormOutcome.Words),
    }.ToDictionary(p => p.Key, StringComparer.Ordinal);
}
