using System.Globalization;
using System.Text.Json;
using ResellerKit.Engine.Audit;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// An audit event as a sentence a person reads ("Dana (Brightside Digital) started assisting in Bluebird Dental"), for
/// the agency's audit log and the client's access log. The codes and the JSON stay in the database and the API; a code
/// without a sentence here still reads as words, never as raw JSON.
/// </summary>
public static class AuditSentences
{
    /// <summary>What a sentence is built from: who acted, on which account, and the event's recorded details.</summary>
    public sealed record Facts(string Who, string Account, JsonElement Changes)
    {
        public string Text(string name) =>
            Changes.ValueKind == JsonValueKind.Object && Changes.TryGetProperty(name, out var v) && v.ValueKind is not JsonValueKind.Null
                ? v.ValueKind == JsonValueKind.Array ? string.Join(", ", v.EnumerateArray().Select(e => e.ToString())) : v.ToString()
                : "";

        public string Number(string name) =>
            long.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n.ToString("N0", CultureInfo.InvariantCulture) : Text(name);

        /// <summary>A quoted detail, or nothing when it was not recorded.</summary>
        public string Quoted(string name, string before = " ") => Text(name) is { Length: > 0 } t ? $"{before}“{t}”" : "";
    }

    private static readonly Dictionary<string, Func<Facts, string>> Sentences = new(StringComparer.Ordinal)
    {
        ["agency.branding_updated"] = f => $"{f.Who} changed the agency's branding",
        ["agency.domain_verified"] = f => $"{f.Who} verified the custom domain {f.Text("domain")}",
        ["agency.widget_origins_updated"] = f => $"{f.Who} changed the sites allowed to show the widget" + (f.Text("after") is { Length: > 0 } a ? $" to {a}" : " to none"),
        ["agency.discount_set"] = f => $"{f.Who} set the agency's discount to {f.Text("percent")}%",
        ["agency.suspended"] = f => $"{f.Who} suspended the agency",
        ["agency.reinstated"] = f => $"{f.Who} reinstated the agency",
        ["agency.features_granted"] = f => $"{f.Who} changed the features the agency may offer to {f.Text("features")}",
        ["api_key.replaced"] = f => $"{f.Who} issued a new API key" + (f.Text("current") is { Length: > 0 } k ? $" ({k}…)" : "") + "; the old one stopped working",
        ["api_key.revoked"] = f => $"{f.Who} revoked the API key" + (f.Text("previous") is { Length: > 0 } k ? $" {k}…" : "") + "; the agency has no key until an owner issues one",
        ["assist.started"] = f => $"{f.Who} started assisting in {f.Account}" + f.Quoted("reason", ", for "),
        ["assist.ended"] = f => $"{f.Who} stopped assisting in {f.Account}",
        ["campaign.created"] = f => $"{f.Who} created the campaign{f.Quoted("name")} for {f.Account}",
        ["campaign.updated"] = f => $"{f.Who} changed a campaign of {f.Account}",
        ["campaign.copied"] = f => $"{f.Who} copied a campaign to {f.Account}",
        ["campaign.pushed"] = f => $"{f.Who} brought the copies of a campaign of {f.Account} to its version {f.Number("version")}",
        ["campaign.rolled_back"] = f => $"{f.Who} rolled a campaign of {f.Account} back to its version {f.Number("toVersion")}",
        ["campaign.deleted"] = f => $"{f.Who} deleted the campaign{f.Quoted("name")} of {f.Account}",
        ["credits.granted"] = f => $"{f.Who} gave {f.Account} {f.Number("credits")} credits" + f.Quoted("reason", ", for "),
        ["credits.granted_to_pool"] = f => $"{f.Who} added {f.Number("credits")} credits to the agency's pool" + f.Quoted("reason", ", for "),
        ["connection.requested"] = f => $"{f.Who} asked for access to {f.Account}" + (f.Text("agency") is { Length: > 0 } a ? $" for {a}" : ""),
        ["connection.accepted"] = f => $"{f.Who} accepted an agency's request for access to {f.Account}",
        ["connection.declined"] = f => $"{f.Who} declined an agency's request for access to {f.Account}",
        ["connection.role_changed"] = f => $"{f.Who} changed what an agency may do in {f.Account}",
        ["connection.revoked"] = f => $"{f.Who} revoked an agency's access to {f.Account}",
        ["connection.terminated"] = f => $"{f.Who} ended an agency's contract for {f.Account}" + f.Quoted("reason", ": "),
        ["ownership.offered_to_client"] = f => $"{f.Who} offered to hand {f.Account} over to its client" + (f.Text("email") is { Length: > 0 } e ? $" ({e})" : ""),
        ["ownership.transfer_cancelled"] = f => $"{f.Who} cancelled the transfer of {f.Account} to its client",
        ["ownership.transferred_to_client"] = f => $"{f.Who} took ownership of {f.Account} from {Or(f.Text("agency"), "its agency")}; its {f.Number("credits")} credits moved with it",
        ["ownership.offered_to_agency"] = f => $"{f.Who} offered ownership of {f.Account} to {Or(f.Text("agency"), "an agency")}",
        ["ownership.offer_withdrawn"] = f => $"{f.Who} withdrew the offer of {f.Account} to {Or(f.Text("agency"), "an agency")}",
        ["ownership.transferred_to_agency"] = f => $"{f.Who} took ownership of {f.Account} for {Or(f.Text("agency"), "the agency")}; its {f.Number("credits")} credits moved with it",
        ["pack.created"] = f => $"{f.Who} created the pack{f.Quoted("name")}",
        ["pack.updated"] = f => $"{f.Who} changed the pack{f.Quoted("name")}",
        ["pack.archived"] = f => $"{f.Who} archived the pack{f.Quoted("name")}",
        ["pricing.custom_quantity"] = f => $"{f.Who} changed the offer to buy any amount of credits",
        ["payments.connected"] = f => $"{f.Who} connected the agency's Stripe account",
        ["plan.saved"] = f => $"{f.Who} saved the plan{f.Quoted("name")}",
        ["purchase.fulfilled"] = f => $"{f.Account} bought {f.Number("credits")} credits",
        ["purchase.refund"] = f => $"A payment of {f.Account} was refunded and {f.Number("creditsTaken")} credits taken back" + LostAfterHandOver(f),
        ["purchase.dispute"] = f => $"A payment of {f.Account} was disputed and {f.Number("creditsTaken")} credits taken back" + LostAfterHandOver(f),
        ["recharge.opened"] = f => $"An automatic top-up of {f.Number("creditsRequested")} credits started for {f.Account}",
        ["recharge.charged"] = f => $"An automatic top-up of {f.Number("creditsRequested")} credits was paid for {f.Account}",
        ["recharge.granted"] = f => $"An automatic top-up added {f.Number("credits")} credits to {f.Account}",
        ["recharge.failed"] = f => $"An automatic top-up for {f.Account} failed" + (f.Text("reason") is { Length: > 0 } r ? $": {r}" : ""),
        ["recharge.skipped"] = f => $"An automatic top-up for {f.Account} was skipped" + (f.Text("reason") is { Length: > 0 } r ? $": {r}" : ""),
        ["recharge.paused"] = f => $"Automatic top-ups for {f.Account} were paused" + (f.Text("reason") is { Length: > 0 } r ? $": {r}" : ""),
        ["recharge.resumed"] = f => $"Automatic top-ups for {f.Account} resumed: a payment counted as failed went through after all",
        ["recharge.expired"] = f => $"An unconfirmed automatic top-up for {f.Account} expired",
        ["sub_account.created"] = f => $"{f.Who} created the account {f.Account}",
        ["sub_account.updated"] = f => $"{f.Who} changed the settings of {f.Account}",
        ["sub_account.plan_changed"] = f => $"{f.Who} changed the plan of {f.Account}",
        ["team.invited"] = f => $"{f.Who} invited {f.Text("email")} to the team as {f.Text("role").ToLowerInvariant()}",
        ["team.changed"] = f => $"{f.Who} changed the role of {f.Text("user")} to {f.Text("role").ToLowerInvariant()}",
        ["team.removed"] = f => $"{f.Who} removed someone from the team",
        ["theme.published"] = f => $"{f.Who} published the storefront theme's draft as its version {f.Number("version")}",
        ["theme.settings_saved"] = f => $"{f.Who} changed the storefront theme's settings (its version {f.Number("version")})",
        ["theme.file_saved"] = f => $"{f.Who} changed the theme file{f.Quoted("path")} (the theme's version {f.Number("version")})",
        ["theme.file_reverted"] = f => $"{f.Who} reverted the theme file{f.Quoted("path")} to the base theme's",
        ["theme.base_changed"] = f => $"{f.Who} switched the storefront to the {Or(f.Text("baseTheme"), "another")} theme",
        ["theme.rolled_back"] = f => $"{f.Who} rolled the storefront theme back to its version {f.Number("toVersion")}",
        ["webhook.redelivered"] = f => $"{f.Who} sent a webhook again",
        ["webhook_endpoint.saved"] = f => $"{f.Who} saved the webhook address {f.Text("url")}",
        ["webhook_endpoint.secret_rotated"] = f => $"{f.Who} replaced the webhook signing secret",
        ["widget_session.revoked"] = f => $"{f.Who} signed out a widget session of {f.Account}",
        ["widget_session.revoked_all"] = f => $"{f.Who} signed out {f.Number("count")} widget sessions of {f.Account}",
    };

    /// <summary>Every action code that has a sentence of its own.</summary>
    public static IReadOnlyCollection<string> Known => Sentences.Keys;

    /// <summary>The event as a sentence. <paramref name="account"/> is the account's name, when the event has one.</summary>
    public static string Describe(AuditEvent e, string? account) =>
        Describe(e.Action, Who(e), account, e.Changes);

    public static string Describe(string action, string who, string? account, string? changes)
    {
        var facts = new Facts(who, string.IsNullOrWhiteSpace(account) ? "an account" : account, Parse(changes));
        if (Sentences.TryGetValue(action, out var sentence))
        {
            return sentence(facts) + ".";
        }
        // A code without a sentence of its own: its words, never the JSON ("plan.deleted" reads "Dana: plan deleted").
        var words = action.Replace('.', ' ').Replace('_', ' ').Trim();
        return $"{who}: {words}" + (account is { Length: > 0 } ? $" ({account})." : ".");
    }

    /// <summary>When the event happened, as people read it: "5 Dec 2026, 14:03 UTC".</summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Or(string text, string fallback) => text.Length > 0 ? text : fallback;

    // A reversal's credits already spent when the account belonged to another agency: not owed to the seller (ReversePayment).
    private static string LostAfterHandOver(Facts f) => f.Text("lostAfterHandOver") is { Length: > 0 } lost && lost != "0"
        ? $"; {f.Number("lostAfterHandOver")} more had been spent, and are not owed now that the account belongs to another agency"
        : "";

    // The system's own actions (top-ups, purchases) name no person; a vendor's name never shows.
    private static string Who(AuditEvent e) => e.ActorId == "system" ? "The system" : e.ActorName;

    private static JsonElement Parse(string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes))
        {
            return default;
        }
        try
        {
            using var document = JsonDocument.Parse(changes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
